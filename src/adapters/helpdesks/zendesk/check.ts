// `npm run connector:check -- zendesk`: what works with the configured settings, in plain words.
// The lines are the same for all four helpdesks: webhook, API (or API sign-in), e-mail look-up,
// write-back, survey link.
import type { CheckLine } from "../../../ports/helpdesk.js";
import { apiNotSet, signInFailed, surveyLinkLine, writeBackOff } from "../check-lines.js";
import type { ZendeskApi } from "./api-client.js";

const API_SETTINGS = "ZENDESK_URL, ZENDESK_EMAIL and ZENDESK_API_TOKEN";

// not user-facing: connector:check's report for the operator (English, like the logs)
export async function checkZendesk(api: ZendeskApi | null, opts: { webhookUrl: string; apiUrl: string | null; writeBack: boolean; surveyLink: { wanted: boolean; field: string | null } }): Promise<CheckLine[]> {
  const lines: CheckLine[] = [{ ok: true, what: "webhook", detail: `ZENDESK_WEBHOOK_SECRET is set; ${opts.webhookUrl} checks the signature of every request` }];
  const linkLine = (as: string | null) => surveyLinkLine("zendesk", { ...opts.surveyLink, apiSet: api !== null, fieldSetting: "ZENDESK_SURVEY_LINK_FIELD", how: "public comment", as });
  if (!api) {
    lines.push(apiNotSet(API_SETTINGS, { needed: opts.writeBack || opts.surveyLink.wanted, without: "trigger bodies must carry both e-mails, ticket.status_changed events cannot be used, and nothing is written on tickets (write-back, survey link)" }));
    if (opts.surveyLink.wanted) lines.push(linkLine(null));
    return lines;
  }
  const me = await api.me();
  if (!me.ok) {
    lines.push(
      signInFailed(me, {
        refused: `Zendesk refused ZENDESK_EMAIL with ZENDESK_API_TOKEN (HTTP ${me.status}): check both, and that token access is on in Admin Center > Apps and integrations > Zendesk API`,
        otherwise: `cannot use ZENDESK_URL (${opts.apiUrl ?? ""}): ${me.kind === "rate-limited" ? "" : me.detail}`,
      }),
    );
    return lines;
  }
  const user = me.body.user;
  // Zendesk answers /users/me for a wrong token with an anonymous user (no id) instead of a 401.
  if (user.id === null || user.id === undefined) {
    lines.push({ ok: false, what: "API sign-in", detail: "Zendesk did not recognise ZENDESK_EMAIL with ZENDESK_API_TOKEN (anonymous user): check both" });
    return lines;
  }
  const role = user.role ?? "unknown";
  const who = user.email ?? String(user.id);
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${who} (role ${role}) at ${opts.apiUrl ?? ""}` });
  const probe = await api.user(String(user.id));
  const email = probe.ok ? probe.body.user.email : null;
  lines.push(
    email
      ? { ok: true, what: "e-mail look-up", detail: "users' e-mail addresses can be read by id" }
      : { ok: false, what: "e-mail look-up", detail: probe.ok ? "users are readable but their e-mail addresses are not shown to this account" : `users cannot be read: ${probe.kind}` },
  );
  const agent = role === "admin" || role === "agent";
  lines.push(
    !opts.writeBack
      ? writeBackOff("zendesk")
      : agent
        ? { ok: true, what: "write-back", detail: `on: each answer becomes a private note on its ticket, written as ${who}` }
        : { ok: false, what: "write-back", detail: `on, but ${who} is not an agent (role ${role}) and cannot write private notes` },
  );
  if (opts.surveyLink.wanted && !agent) lines.push({ ok: false, what: "survey link", detail: `on, but ${who} is not an agent (role ${role}) and cannot update tickets` });
  else lines.push(linkLine(who));
  return lines;
}
