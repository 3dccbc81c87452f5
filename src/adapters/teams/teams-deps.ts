// What the Teams handlers are given (built once by teamsAdapter in main.ts's wiring).
import type { AppContext } from "../../app/context.js";
import type { CommandTable } from "../../app/commands/run-command.js";
import type { TeamsSender } from "./teams-platform.js";

export interface TeamsDeps {
  ctx: AppContext;
  /** The shared command table with Teams' own `channel` (and `demo`) joined (teams-commands.ts). */
  commands: CommandTable;
  sender: TeamsSender;
  /** Local trial mode (no authentication): enables the `demo` command. */
  local: boolean;
}
