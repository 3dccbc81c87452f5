// `npm run connector:check -- zendesk`: what works with the configured settings, in plain words.
import type { CheckLine } from "../../../ports/helpdesk.js";
import type { ZendeskApi } from "./api-client.js";

const API_SETTINGS = "ZENDESK_URL, ZENDESK_EMAIL and ZENDESK_API_TOKEN";

export async function checkZendesk(api: ZendeskApi | null, opts: { webhookUrl: string; apiUrl: string | null; writeBack: boolean }): Promise<CheckLine[]> {
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  const lines: CheckLine[] = [{ ok: true, what: "webhook secret", detail: `ZENDESK_WEBHOOK_SECRET is set; ${opts.webhookUrl} checks the signature of every request` }];
  if (!api) {
    // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
    lines.push({
      ok: !opts.writeBack,
      what: "API",
      detail: opts.writeBack
        ? `write-back is on for Zendesk but ${API_SETTINGS} are not set`
        : `not set (${API_SETTINGS}): trigger bodies must carry both e-mails, ticket.status_changed events cannot be used, and nothing is written back`,
    });
    return lines;
  }
  const settingsUrl = opts.apiUrl ?? "";
  const me = await api.me();
  if (!me.ok) {
    // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
    const detail =
      me.kind === "unauthorized"
        ? `Zendesk refused ZENDESK_EMAIL with ZENDESK_API_TOKEN (HTTP 401): check both, and that token access is on in Admin Center > Apps and integrations > Zendesk API`
        : me.kind === "rate-limited"
          ? `Zendesk is rate limiting this account; try again in ${Math.ceil(me.retryAfterMs / 1000)} s`
          : `cannot use ZENDESK_URL (${settingsUrl}): ${me.detail}`;
    lines.push({ ok: false, what: "API sign-in", detail });
    return lines;
  }
  const user = me.body.user;
  // Zendesk answers /users/me for a wrong token with an anonymous user (no id) instead of a 401.
  if (user.id === null || user.id === undefined) {
    // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
    lines.push({ ok: false, what: "API sign-in", detail: "Zendesk did not recognise ZENDESK_EMAIL with ZENDESK_API_TOKEN (anonymous user): check both" });
    return lines;
  }
  const role = user.role ?? "unknown";
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${user.email ?? String(user.id)} (role ${role})` });
  const probe = await api.user(String(user.id));
  const email = probe.ok ? probe.body.user.email : null;
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  lines.push(
    email
      ? { ok: true, what: "user e-mail lookup", detail: "users' e-mail addresses can be read by id" }
      : { ok: false, what: "user e-mail lookup", detail: probe.ok ? "users are readable but their e-mail addresses are not shown to this account" : `users cannot be read: ${probe.kind}` },
  );
  const agent = role === "admin" || role === "agent";
  // not user-facing: settings diagnostics for the operator (connector:check), English like the logs
  lines.push(
    !opts.writeBack
      ? { ok: true, what: "write-back", detail: "off (CAGNOTTE_WRITE_BACK does not name zendesk)" }
      : agent
        ? { ok: true, what: "write-back", detail: `on: private notes are written as ${user.email ?? String(user.id)}` }
        : { ok: false, what: "write-back", detail: `on, but ${user.email ?? "this account"} is not an agent (role ${role}) and cannot write private notes` },
  );
  return lines;
}
