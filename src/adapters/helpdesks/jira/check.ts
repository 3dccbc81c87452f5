// `npm run connector:check -- jira`: what works with the configured settings, in plain words.
import type { CheckLine } from "../../../ports/helpdesk.js";
import { describeJiraFailure, type JiraApi } from "./api-client.js";

// not user-facing: connector:check's report for the administrator (English, like the logs)
export async function checkJira(input: { secret: string; api: JiraApi | null; writeBackWanted: boolean; publicUrl: string }): Promise<CheckLine[]> {
  const lines: CheckLine[] = [
    { ok: input.secret.length >= 16, what: "webhook secret", detail: input.secret.length >= 16 ? `set; Jira's webhook URL is ${input.publicUrl}/webhooks/jira` : "JIRA_WEBHOOK_SECRET is shorter than 16 characters: use a long random secret" },
  ];
  const { api } = input;
  if (!api) {
    lines.push({ ok: false, what: "API settings", detail: "JIRA_URL, JIRA_EMAIL and JIRA_API_TOKEN are not set: e-mails hidden by privacy settings cannot be looked up, and nothing is written back" });
    return lines;
  }
  const me = await api.request("GET", "/rest/api/3/myself");
  if (me.kind !== "ok") {
    const refused = me.kind === "status" && (me.status === 401 || me.status === 403);
    lines.push({ ok: false, what: "API sign-in", detail: refused ? `Jira refused the account (${describeJiraFailure(me)}): check JIRA_EMAIL and JIRA_API_TOKEN (id.atlassian.com > Security > API tokens)` : describeJiraFailure(me) });
    return lines;
  }
  const account = me.body as { accountId?: string; displayName?: string; emailAddress?: string } | null;
  lines.push({ ok: true, what: "API sign-in", detail: `signed in as ${account?.displayName ?? "?"} at ${api.settings.url}` });
  const user = await api.request("GET", `/rest/api/3/user?accountId=${encodeURIComponent(account?.accountId ?? "")}`);
  if (user.kind === "ok") lines.push({ ok: true, what: "user look-up", detail: "the account can look people up by account id (e-mails hidden by a person's privacy settings stay hidden)" });
  else lines.push({ ok: false, what: "user look-up", detail: `${describeJiraFailure(user)}: the account needs the "Browse users and groups" global permission` });
  if (!input.writeBackWanted) {
    lines.push({ ok: true, what: "write-back", detail: "off (CAGNOTTE_WRITE_BACK)" });
    return lines;
  }
  const perms = await api.request("GET", "/rest/api/3/mypermissions?permissions=ADD_COMMENTS,EDIT_OWN_COMMENTS,DELETE_OWN_COMMENTS");
  const granted = perms.kind === "ok" ? (perms.body as { permissions?: Record<string, { havePermission?: boolean }> } | null)?.permissions ?? {} : {};
  const missing = ["ADD_COMMENTS", "EDIT_OWN_COMMENTS", "DELETE_OWN_COMMENTS"].filter((p) => !granted[p]?.havePermission);
  if (perms.kind !== "ok") lines.push({ ok: false, what: "write-back", detail: describeJiraFailure(perms) });
  else if (missing.length) lines.push({ ok: false, what: "write-back", detail: `the account lacks ${missing.join(", ")}: add it to the service project as an agent` });
  else lines.push({ ok: true, what: "write-back", detail: "on: each answer becomes an internal comment on its issue" });
  return lines;
}
