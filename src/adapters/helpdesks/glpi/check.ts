// `npm run connector:check -- glpi`: what works with the configured settings, in plain words.
import type { CheckLine } from "../../../ports/helpdesk.js";
import type { GlpiApi } from "./api-client.js";
import { describeFailure } from "./people.js";

// not user-facing: connector:check's report for the administrator (English, like the logs)
export async function checkGlpi(input: { secret: string; api: GlpiApi | null; writeBackWanted: boolean; publicUrl: string }): Promise<CheckLine[]> {
  const lines: CheckLine[] = [
    // not user-facing: connector:check's report for the administrator (English, like the logs)
    { ok: input.secret.length >= 16, what: "webhook secret", detail: input.secret.length >= 16 ? `set; GLPI's webhook URL is ${input.publicUrl}/webhooks/glpi` : "GLPI_WEBHOOK_SECRET is shorter than 16 characters: use GLPI's generated secret" },
  ];
  const { api } = input;
  if (!api) {
    lines.push({
      ok: false,
      what: "API settings",
      // not user-facing: connector:check's report for the administrator (English, like the logs)
      detail: "GLPI_API_URL, GLPI_APP_TOKEN and GLPI_USER_TOKEN are not set: e-mails can only come from logins that are e-mail addresses, and nothing is written back",
    });
    return lines;
  }
  const session = await api.openSession();
  if (!session.token) {
    const refused = session.kind === "status" && (session.status === 400 || session.status === 401);
    // not user-facing: connector:check's report for the administrator (English, like the logs)
    lines.push({ ok: false, what: "API sign-in", detail: refused ? `GLPI refused the tokens (${describeFailure(session)}): check GLPI_APP_TOKEN (Setup > General > API, the API client) and GLPI_USER_TOKEN (the user's API token)` : describeFailure(session as Exclude<typeof session, { kind: "ok" }>) });
    return lines;
  }
  lines.push({ ok: true, what: "API sign-in", detail: `session opened at ${api.settings.url}` });
  const full = await api.request("GET", "getFullSession");
  const userId = full.kind === "ok" ? Number((full.body as { session?: { glpiID?: unknown } } | null)?.session?.glpiID) : NaN;
  const emails = Number.isFinite(userId) ? await api.request("GET", `User/${userId}/UserEmail`) : full;
  if (emails.kind === "ok") lines.push({ ok: true, what: "user e-mail look-up", detail: "the API user can read users' e-mail addresses" });
  // not user-facing: connector:check's report for the administrator (English, like the logs)
  else lines.push({ ok: false, what: "user e-mail look-up", detail: `${describeFailure(emails)}: give the API user's profile read access to users` });
  if (!input.writeBackWanted) {
    lines.push({ ok: true, what: "write-back", detail: "off (CAGNOTTE_WRITE_BACK)" });
    return lines;
  }
  const satisfaction = await api.request("GET", "TicketSatisfaction?range=0-0");
  if (satisfaction.kind === "ok" || (satisfaction.kind === "status" && satisfaction.status === 206)) {
    lines.push({ ok: true, what: "write-back", detail: "on: ratings go to the tickets' satisfaction surveys (or a private follow-up where the user may not write them)" });
  } else {
    // not user-facing: connector:check's report for the administrator (English, like the logs)
    lines.push({ ok: false, what: "write-back", detail: `cannot read satisfaction surveys (${describeFailure(satisfaction)}): give the API user's profile the right to update satisfaction surveys and add private follow-ups` });
  }
  return lines;
}
