// CAGNOTTE_WRITE_BACK, as each connector reads it.
import type { Config } from "../../config.js";
import type { HelpdeskName } from "../../ports/helpdesk.js";

/** CAGNOTTE_WRITE_BACK asks for write-back to this helpdesk (its connector also needs its API settings). */
export function writeBackWanted(config: Pick<Config, "writeBack">, name: HelpdeskName): boolean {
  return config.writeBack === "on" || (Array.isArray(config.writeBack) && config.writeBack.includes(name));
}
