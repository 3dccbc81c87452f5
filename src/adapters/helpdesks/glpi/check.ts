// `npm run connector:check -- glpi`: what works with the configured settings, in plain words.
// The lines are the same for all four helpdesks: webhook, API (or API sign-in), e-mail look-up,
// write-back, survey link.
import type { CheckLine } from "../../../ports/helpdesk.js";
import { apiNotSet, signInFailed, surveyLinkLine, writeBackOff } from "../check-lines.js";
import { describeFailure, type GlpiApi } from "./api-client.js";

// not user-facing: connector:check's report for the operator (English, like the logs)
export async function checkGlpi(api: GlpiApi | null, opts: { secret: string; webhookUrl: string; writeBack: boolean; surveyLink: { wanted: boolean; field: null } }): Promise<CheckLine[]> {
  const longEnough = opts.secret.length >= 16;
  const lines: CheckLine[] = [
    { ok: longEnough, what: "webhook", detail: longEnough ? `GLPI_WEBHOOK_SECRET is set; ${opts.webhookUrl} checks the signature of every request` : "GLPI_WEBHOOK_SECRET is shorter than 16 characters: use GLPI's generated secret" },
  ];
  const linkLine = () => surveyLinkLine("glpi", { ...opts.surveyLink, apiSet: api !== null, fieldSetting: null, how: "public follow-up", as: null });
  if (!api) {
    lines.push(apiNotSet("GLPI_API_URL, GLPI_APP_TOKEN and GLPI_USER_TOKEN", { needed: true, without: "e-mails can only come from logins that are e-mail addresses, and nothing is written on tickets (write-back, survey link)" }));
    if (opts.surveyLink.wanted) lines.push(linkLine());
    return lines;
  }
  const session = await api.openSession();
  if (!session.token) {
    // GLPI answers a wrong App-Token with 400, a wrong user token with 401.
    const failure = session.ok ? ({ ok: false, kind: "unavailable", status: null, detail: "no session", body: null } as const) : session.kind === "rejected" && session.status === 400 ? { ...session, kind: "unauthorized" as const } : session;
    lines.push(signInFailed(failure, { refused: `GLPI refused the tokens (${describeFailure(failure)}): check GLPI_APP_TOKEN (Setup > General > API, the API client) and GLPI_USER_TOKEN (the user's API token)`, otherwise: describeFailure(failure) }));
    return lines;
  }
  lines.push({ ok: true, what: "API sign-in", detail: `session opened at ${api.settings.url}` });
  const full = await api.request("GET", "getFullSession");
  const userId = full.ok ? Number((full.body as { session?: { glpiID?: unknown } } | null)?.session?.glpiID) : NaN;
  const emails = Number.isFinite(userId) ? await api.request("GET", `User/${userId}/UserEmail`) : full;
  if (emails.ok) lines.push({ ok: true, what: "e-mail look-up", detail: "users' e-mail addresses can be read by id" });
  else lines.push({ ok: false, what: "e-mail look-up", detail: `${describeFailure(emails)}: give the API user's profile read access to users` });
  if (!opts.writeBack) lines.push(writeBackOff("glpi"));
  else {
    const satisfaction = await api.request("GET", "TicketSatisfaction?range=0-0");
    if (satisfaction.ok) lines.push({ ok: true, what: "write-back", detail: "on: each answer goes to its ticket's satisfaction survey (or a private follow-up where the user may not write it)" });
    else lines.push({ ok: false, what: "write-back", detail: `cannot read satisfaction surveys (${describeFailure(satisfaction)}): give the API user's profile the right to update satisfaction surveys and add private follow-ups` });
  }
  lines.push(linkLine());
  return lines;
}
