// The lines every connector's `npm run connector:check -- <name>` ends with, worded once for all
// four: write-back and the survey link, on or off, and what they need.
import type { CheckLine, HelpdeskName } from "../../ports/helpdesk.js";
import type { RestFailure } from "./rest-call.js";

// not user-facing: connector:check's report for the operator (English, like the logs)
export function writeBackOff(name: HelpdeskName): CheckLine {
  return { ok: true, what: "write-back", detail: `off (CAGNOTTE_WRITE_BACK does not name ${name})` };
}

/** How the operator reads each helpdesk's name. */
const LABEL: Record<HelpdeskName, string> = { glpi: "GLPI", zendesk: "Zendesk", freshdesk: "Freshdesk", jira: "Jira" };

/**
 * The survey link: off, or where it goes. `how`: the public comment's kind on this helpdesk ("public
 * comment", "public reply", "public follow-up"); `field`: the custom field, when one is set; `as`:
 * the API's account.
 */
// not user-facing: connector:check's report for the operator (English, like the logs)
export function surveyLinkLine(name: HelpdeskName, opts: { wanted: boolean; apiSet: boolean; field: string | null; fieldSetting: string | null; how: string; as: string | null }): CheckLine {
  if (!opts.wanted) return { ok: true, what: "survey link", detail: `off (CAGNOTTE_HELPDESK_SURVEY_LINK does not name ${name})` };
  if (!opts.apiSet) return { ok: false, what: "survey link", detail: `CAGNOTTE_HELPDESK_SURVEY_LINK names ${name} but its API settings are not set: no link is written` };
  const by = opts.as ? `, by ${opts.as}` : "";
  if (opts.field) return { ok: true, what: "survey link", detail: `on: each survey's link is written in the ticket field ${opts.field}${by}; a ${LABEL[name]} rule of yours must put it in an e-mail (README, Helpdesks)` };
  return {
    ok: true,
    what: "survey link",
    detail: `on: each survey's link is written as a ${opts.how}${by}, which ${LABEL[name]} e-mails to the requester${opts.fieldSetting ? ` (or set ${opts.fieldSetting} to write it in a custom field)` : ""}`,
  };
}

/**
 * The API's settings are not set. `needed`: something asked for needs them (then ✗); `without`:
 * what works without them, said when nothing needs them.
 */
// not user-facing: connector:check's report for the operator (English, like the logs)
export function apiNotSet(settings: string, opts: { needed: boolean; without: string }): CheckLine {
  return { ok: !opts.needed, what: "API", detail: `${settings} are not set: ${opts.without}` };
}

/** The API refused to sign in: `refused` says what to fix for a 401/403, `otherwise` for anything else. */
// not user-facing: connector:check's report for the operator (English, like the logs)
export function signInFailed(failure: RestFailure, opts: { refused: string; otherwise: string }): CheckLine {
  const detail =
    failure.kind === "unauthorized" || failure.kind === "forbidden"
      ? opts.refused
      : failure.kind === "rate-limited"
        ? `the API is rate limiting this account; try again in ${Math.ceil(failure.retryAfterMs / 1000)} s`
        : opts.otherwise;
  return { ok: false, what: "API sign-in", detail };
}
