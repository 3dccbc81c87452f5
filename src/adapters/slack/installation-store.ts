// Bolt's installation store on our database. The home workspace (SLACK_BOT_TOKEN: technicians,
// management, team channel) is answered from its token; client workspaces come from the OAuth
// flow, each linked to its client company by the signed install link's metadata.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { ClientRepository } from "../../ports/store.js";
import type { SlackInstallationRepository } from "../../ports/slack-installations.js";
import type { Clock } from "../../ports/clock.js";
import type { WebClient } from "./web-client.js";

export interface HomeWorkspace {
  token: string;
  teamId: string;
  botUserId: string | null;
  botId: string | null;
}

/** Who the home token is (auth.test), asked once. */
export function homeWorkspace(client: WebClient, token: string): () => Promise<HomeWorkspace> {
  let known: Promise<HomeWorkspace> | null = null;
  return () => {
    known ??= client.auth.test().then(
      (r) => ({ token, teamId: String(r.team_id), botUserId: r.user_id ?? null, botId: r.bot_id ?? null }),
      (error: unknown) => {
        known = null;
        throw error;
      },
    );
    return known;
  };
}

export function installationId(q: { teamId?: string | null; enterpriseId?: string | null; isEnterpriseInstall?: boolean }): string {
  return q.isEnterpriseInstall && q.enterpriseId ? `E:${q.enterpriseId}` : `T:${q.teamId ?? ""}`;
}

function clientOf(metadata: string | undefined): string | null {
  try {
    const v = JSON.parse(metadata ?? "") as { client?: unknown };
    return typeof v.client === "string" && v.client ? v.client : null;
  } catch {
    return null;
  }
}

export function databaseInstallationStore(deps: {
  repo: SlackInstallationRepository;
  clients: ClientRepository;
  clock: Clock;
  home: () => Promise<HomeWorkspace>;
}): InstallationStore {
  return {
    async storeInstallation(installation) {
      const now = deps.clock.now();
      const external = clientOf(installation.metadata);
      const client = external ? await deps.clients.upsertByExternalId({ externalId: external, now }) : null;
      await deps.repo.save(
        {
          id: installationId({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }),
          teamId: installation.team?.id ?? null,
          enterpriseId: installation.enterprise?.id ?? null,
          isEnterpriseInstall: !!installation.isEnterpriseInstall,
          botUserId: installation.bot?.userId ?? null,
          botId: installation.bot?.id ?? null,
          installation: JSON.stringify(installation),
          clientId: client?.id ?? null,
        },
        now,
      );
    },
    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation<"v1" | "v2", boolean>> {
      const home = await deps.home();
      if (!query.isEnterpriseInstall && query.teamId === home.teamId) {
        return {
          team: { id: home.teamId },
          enterprise: undefined,
          user: { id: "", token: undefined, scopes: undefined },
          bot: { token: home.token, userId: home.botUserId ?? "", id: home.botId ?? "", scopes: [] },
          tokenType: "bot",
          isEnterpriseInstall: false,
        };
      }
      const row = (await deps.repo.find(installationId(query))) ?? (query.enterpriseId ? await deps.repo.find(`E:${query.enterpriseId}`) : null);
      if (!row) throw new Error(`no Slack installation for ${installationId(query)}`);
      return JSON.parse(row.installation) as Installation<"v1" | "v2", boolean>;
    },
    async deleteInstallation(query) {
      await deps.repo.delete(installationId(query));
    },
  };
}
