// `npm run connector:check -- jira`: what works with the configured settings, in plain words.
// The lines are the same for all four helpdesks: webhook, API (or API sign-in), e-mail look-up,
// write-back, survey link.
import type { CheckLine } from "../../../ports/helpdesk.js";
import { apiNotSet, signInFailed, surveyLinkLine, writeBackOff } from "../check-lines.js";
import { describeJiraFailure, type JiraApi } from "./api-client.js";

const WRITE_BACK_PERMISSIONS = ["ADD_COMMENTS", "EDIT_OWN_COMMENTS", "DELETE_OWN_COMMENTS"];

// not user-facing: connector:check's report for the operator (English, like the logs)
export async function checkJira(api: JiraApi | null, opts: { secret: string; webhookUrl: string; writeBack: boolean; surveyLink: { wanted: boolean; field: string | null } }): Promise<CheckLine[]> {
  const longEnough = opts.secret.length >= 16;
  const lines: CheckLine[] = [
    { ok: longEnough, what: "webhook", detail: longEnough ? `JIRA_WEBHOOK_SECRET is set; ${opts.webhookUrl} checks the signature of every request` : "JIRA_WEBHOOK_SECRET is shorter than 16 characters: use a long random secret" },
  ];
  const linkLine = (as: string | null) => surveyLinkLine("jira", { ...opts.surveyLink, apiSet: api !== null, fieldSetting: "JIRA_SURVEY_LINK_FIELD", how: "public comment", as });
  if (!api) {
    lines.push(apiNotSet("JIRA_URL, JIRA_EMAIL and JIRA_API_TOKEN", { needed: true, without: "e-mails hidden by privacy settings cannot be looked up, and nothing is written on tickets (write-back, survey link)" }));
    if (opts.surveyLink.wanted) lines.push(linkLine(null));
    return lines;
  }
  const me = await api.request("GET", "/rest/api/3/myself");
  if (!me.ok) {
    lines.push(signInFailed(me, { refused: `Jira refused the account (${describeJiraFailure(me)}): check JIRA_EMAIL and JIRA_API_TOKEN (id.atlassian.com > Security > API tokens)`, otherwise: describeJiraFailure(me) }));
    return lines;
  }
  const account = me.body as { accountId?: string; displayName?: string } | null;
  const who = account?.displayName ?? "?";
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${who} at ${api.settings.url}` });
  const user = await api.request("GET", `/rest/api/3/user?accountId=${encodeURIComponent(account?.accountId ?? "")}`);
  if (user.ok) lines.push({ ok: true, what: "e-mail look-up", detail: "people can be looked up by account id (e-mails hidden by a person's privacy settings stay hidden)" });
  else lines.push({ ok: false, what: "e-mail look-up", detail: `${describeJiraFailure(user)}: the account needs the "Browse users and groups" global permission` });
  if (!opts.writeBack) lines.push(writeBackOff("jira"));
  else {
    const perms = await api.request("GET", `/rest/api/3/mypermissions?permissions=${WRITE_BACK_PERMISSIONS.join(",")}`);
    const granted = perms.ok ? ((perms.body as { permissions?: Record<string, { havePermission?: boolean }> } | null)?.permissions ?? {}) : {};
    const missing = WRITE_BACK_PERMISSIONS.filter((p) => !granted[p]?.havePermission);
    if (!perms.ok) lines.push({ ok: false, what: "write-back", detail: describeJiraFailure(perms) });
    else if (missing.length) lines.push({ ok: false, what: "write-back", detail: `the account lacks ${missing.join(", ")}: add it to the service project as an agent` });
    else lines.push({ ok: true, what: "write-back", detail: `on: each answer becomes an internal comment on its issue, written as ${who}` });
  }
  lines.push(linkLine(who));
  return lines;
}
