// `npm run connector:check -- freshdesk`: what works with the configured settings, in plain words.
// The lines are the same for all four helpdesks: webhook, API (or API sign-in), e-mail look-up,
// write-back, survey link.
import type { CheckLine } from "../../../ports/helpdesk.js";
import { apiNotSet, signInFailed, surveyLinkLine, writeBackOff } from "../check-lines.js";
import type { FreshdeskApi } from "./api-client.js";

// not user-facing: connector:check's report for the operator (English, like the logs)
export async function checkFreshdesk(api: FreshdeskApi | null, opts: { webhookUrl: string; apiUrl: string | null; writeBack: boolean; surveyLink: { wanted: boolean; field: string | null } }): Promise<CheckLine[]> {
  const lines: CheckLine[] = [{ ok: true, what: "webhook", detail: `FRESHDESK_WEBHOOK_USER and FRESHDESK_WEBHOOK_PASSWORD are set; ${opts.webhookUrl} asks for them (HTTP Basic)` }];
  const linkLine = (as: string | null) => surveyLinkLine("freshdesk", { ...opts.surveyLink, apiSet: api !== null, fieldSetting: "FRESHDESK_SURVEY_LINK_FIELD", how: "public reply", as });
  if (!api) {
    lines.push(apiNotSet("FRESHDESK_URL and FRESHDESK_API_KEY", { needed: opts.writeBack || opts.surveyLink.wanted, without: "the webhook body must carry both e-mails, and nothing is written on tickets (write-back, survey link)" }));
    if (opts.surveyLink.wanted) lines.push(linkLine(null));
    return lines;
  }
  const me = await api.me();
  if (!me.ok) {
    lines.push(
      signInFailed(me, {
        refused: `Freshdesk refused FRESHDESK_API_KEY (HTTP ${me.status}): copy the key again from Profile settings > View API key`,
        otherwise: `cannot use FRESHDESK_URL (${opts.apiUrl ?? ""}): ${me.kind === "rate-limited" ? "" : me.detail}`,
      }),
    );
    return lines;
  }
  const who = me.body.contact?.email ?? `agent ${String(me.body.id)}`;
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${who} at ${opts.apiUrl ?? ""}` });
  const agent = await api.agent(String(me.body.id));
  lines.push(
    agent.ok && agent.body.contact?.email
      ? { ok: true, what: "e-mail look-up", detail: "agents' and contacts' e-mail addresses can be read by id" }
      : { ok: false, what: "e-mail look-up", detail: agent.ok ? "agents are readable but their e-mail addresses are not shown to this key" : `agents cannot be read: ${agent.kind}` },
  );
  lines.push(opts.writeBack ? { ok: true, what: "write-back", detail: `on: each answer becomes a private note on its ticket, written as ${who}` } : writeBackOff("freshdesk"));
  lines.push(linkLine(who));
  return lines;
}
