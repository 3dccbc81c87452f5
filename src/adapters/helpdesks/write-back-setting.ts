// CAGNOTTE_WRITE_BACK and CAGNOTTE_HELPDESK_SURVEY_LINK, as each connector reads them: off, on, or
// a list of helpdesks. Either also needs the helpdesk's API settings.
import type { Config } from "../../config.js";
import type { HelpdeskName } from "../../ports/helpdesk.js";

type Switch = Config["writeBack"];

const names = (setting: Switch | undefined, name: HelpdeskName) => setting === "on" || (Array.isArray(setting) && setting.includes(name));

/** CAGNOTTE_WRITE_BACK asks for write-back to this helpdesk. */
export function writeBackWanted(config: { writeBack?: Switch }, name: HelpdeskName): boolean {
  return names(config.writeBack, name);
}

/** CAGNOTTE_HELPDESK_SURVEY_LINK asks for the survey link on this helpdesk's tickets. */
export function surveyLinkWanted(config: { surveyLink?: Config["surveyLink"] }, name: HelpdeskName): boolean {
  return names(config.surveyLink?.helpdesks, name);
}
