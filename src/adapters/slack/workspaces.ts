// Which Slack workspace(s) to use. Single-token setup: one workspace for everything. OAuth setup:
// the home workspace (technicians, management, team channel) plus each client company's own.
import type { WebClient } from "./web-client.js";

export interface SlackWorkspaces {
  /** The IT company's own workspace: technicians, management, the team channel. */
  home(): Promise<WebClient | null>;
  /** Where to look for this person, most likely first (their client's workspaces, then home). */
  forPerson(personId: string | null): Promise<WebClient[]>;
  /** True when there is exactly one workspace, so a stored Slack user id is enough to reach someone. */
  readonly single: boolean;
}

export function singleWorkspace(client: WebClient): SlackWorkspaces {
  return { home: async () => client, forPerson: async () => [client], single: true };
}
