// `npm run connector:check -- freshdesk`: what works with the configured settings, in plain words.
import type { CheckLine } from "../../../ports/helpdesk.js";
import type { FreshdeskApi } from "./api-client.js";

export async function checkFreshdesk(api: FreshdeskApi | null, opts: { webhookUrl: string; apiUrl: string | null; writeBack: boolean }): Promise<CheckLine[]> {
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  const lines: CheckLine[] = [
    { ok: true, what: "webhook credentials", detail: `FRESHDESK_WEBHOOK_USER and FRESHDESK_WEBHOOK_PASSWORD are set; ${opts.webhookUrl} asks for them (HTTP Basic)` },
  ];
  if (!api) {
    // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
    lines.push({
      ok: !opts.writeBack,
      what: "API",
      detail: opts.writeBack
        ? "write-back is on for Freshdesk but FRESHDESK_URL and FRESHDESK_API_KEY are not set"
        : "not set (FRESHDESK_URL, FRESHDESK_API_KEY): the webhook body must carry both e-mails, and nothing is written back",
    });
    return lines;
  }
  const me = await api.me();
  if (!me.ok) {
    // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
    const detail =
      me.kind === "unauthorized"
        ? "Freshdesk refused FRESHDESK_API_KEY (HTTP 401): copy the key again from Profile settings > View API key"
        : me.kind === "rate-limited"
          ? `Freshdesk is rate limiting this account; try again in ${Math.ceil(me.retryAfterMs / 1000)} s`
          : `cannot use FRESHDESK_URL (${opts.apiUrl ?? ""}): ${me.detail}`;
    lines.push({ ok: false, what: "API sign-in", detail });
    return lines;
  }
  const who = me.body.contact?.email ?? `agent ${String(me.body.id)}`;
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${who}` });
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  lines.push({ ok: true, what: "write-back", detail: opts.writeBack ? `on: private notes are written as ${who}` : "off (CAGNOTTE_WRITE_BACK does not name freshdesk)" });
  return lines;
}
