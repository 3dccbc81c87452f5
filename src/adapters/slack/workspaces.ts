// Which Slack workspace(s) to use. Single-token setup: one workspace for everything. OAuth setup:
// the home workspace (technicians, management, team channel) plus each client company's own.
import type { PeopleRepository } from "../../ports/store.js";
import type { SlackInstallationRepository } from "../../ports/slack-installations.js";
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

/**
 * Several workspaces: the home one, plus the workspaces installed by each client company. A
 * requester is looked up in their client's workspaces first, then at home.
 */
export function oauthWorkspaces(deps: {
  home: WebClient;
  people: Pick<PeopleRepository, "findById">;
  installations: Pick<SlackInstallationRepository, "forClient">;
  clientFor: (token: string) => WebClient;
}): SlackWorkspaces {
  return {
    single: false,
    home: async () => deps.home,
    async forPerson(personId) {
      const person = personId ? await deps.people.findById(personId) : null;
      const installs = person?.clientId ? await deps.installations.forClient(person.clientId) : [];
      const tokens = installs.map((i) => (JSON.parse(i.installation) as { bot?: { token?: string } }).bot?.token).filter((t): t is string => !!t);
      return [...tokens.map(deps.clientFor), deps.home];
    },
  };
}

/** One Web API client per token, kept: clients hold their own queue and rate-limit state. */
export function clientsByToken(create: (token: string) => WebClient): (token: string) => WebClient {
  const clients = new Map<string, WebClient>();
  return (token) => {
    let client = clients.get(token);
    if (!client) {
      client = create(token);
      clients.set(token, client);
    }
    return client;
  };
}
