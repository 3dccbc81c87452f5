#!/usr/bin/env bash
# Smoke test of the ticket webhook contract against a bot started with `npm start` (defaults: port 3978,
# SQLite in ./data, generated webhook secret). Prints each answer and the row counts before/after the 4xx calls.
set -u
B=http://localhost:3978
secret=${TICKET_WEBHOOK_SECRET:-$(cat data/ticket-webhook-secret)}
sign() { printf 'sha256=%s' "$(printf %s "$1" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"; }
post() { curl -s -o /tmp/body -w "%{http_code}" -X POST $B/webhooks/tickets -H 'Content-Type: application/json' "$@"; echo " $(head -c 200 /tmp/body)"; }
counts() { node -e 'const D=require("better-sqlite3");const d=new D("data/cagnotte.db",{readonly:true});console.log(["Ticket","Survey","Person","Client","OutboxMessage"].map(t=>t+"="+d.prepare(`select count(*) n from "${t}"`).get().n).join(" "))'; }
now=$(date -u +%FT%TZ)   # a closing date of today: an old one is ignored (closed-too-long-ago)
echo "healthz: $(curl -s -o /dev/null -w '%{http_code}' $B/healthz)"
ev='{"ticketId":"42","title":"Imprimante","kind":"incident","closedAt":"'"$now"'","requester":{"email":"marie@client.example","name":"Marie"},"technician":{"email":"camille@esn.example"},"client":{"id":"c7"}}'
echo -n "signed: "; post -H "X-Signature-256: $(sign "$ev")" -d "$ev"
echo -n "again: "; post -H "X-Signature-256: $(sign "$ev")" -d "$ev"
req=${ev/\"incident\"/\"request\"}; req=${req/\"42\"/\"43\"}
echo -n "request: "; post -H "X-Signature-256: $(sign "$req")" -d "$req"
counts
bad=${ev/\"42\"/\"44\"}
echo -n "wrong sig: "; post -H "X-Signature-256: $(sign "x$bad")" -d "$bad"
echo -n "no sig: "; post -d "$bad"
noemail='{"ticketId":"45","kind":"incident","closedAt":"'"$now"'","requester":{"name":"Marie"},"technician":{"email":"camille@esn.example"},"client":{"id":"c7"}}'
echo -n "no email: "; post -H "X-Signature-256: $(sign "$noemail")" -d "$noemail"
big=$(python3 -c 'import json;print(json.dumps({"ticketId":"46","kind":"incident","closedAt":"2026-11-20T10:00:00+01:00","title":"x"*102400,"requester":{"email":"a@b.example"},"technician":{"email":"c@d.example"},"client":{"id":"c7"}}))')
echo -n "100 KiB: "; printf %s "$big" > /tmp/big.json; curl -s -o /tmp/body -w "%{http_code}" -X POST $B/webhooks/tickets -H 'Content-Type: application/json' -H "X-Signature-256: $(sign "$big")" --data-binary @/tmp/big.json; echo " $(cat /tmp/body)"
counts
