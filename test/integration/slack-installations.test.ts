// The Slack installation repository on SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from "vitest";
import { slackInstallationRepository } from "../../src/adapters/store/slack-installation-repository.js";
import { openTestStore, providers } from "../support/databases.js";

describe.each(providers)("Slack installations on %s", (provider) => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("saves, finds, keeps the client link on a re-install, lists a client's workspaces and forgets them", async () => {
    const db = await openTestStore(provider);
    close = db.close;
    const now = new Date("2026-11-20T10:00:00Z");
    const client = await db.store.clients.upsertByExternalId({ externalId: "c-1", name: "ACME", now });
    const repo = slackInstallationRepository(db.store.db);
    const record = { id: "T:T1", teamId: "T1", enterpriseId: null, isEnterpriseInstall: false, botUserId: "UB", botId: "B", installation: '{"bot":{"token":"xoxb-1"}}', clientId: client.id };
    await repo.save(record, now);
    await repo.save({ ...record, id: "T:T2", teamId: "T2" }, new Date(now.getTime() + 1000));
    await repo.save({ ...record, installation: '{"bot":{"token":"xoxb-2"}}', clientId: null }, new Date(now.getTime() + 2000));
    expect(await repo.find("T:T1")).toEqual({ ...record, installation: '{"bot":{"token":"xoxb-2"}}' });
    expect((await repo.forClient(client.id)).map((r) => r.id)).toEqual(["T:T2", "T:T1"]);
    await repo.delete("T:T1");
    expect(await repo.find("T:T1")).toBeNull();
    expect(await repo.forClient("other")).toEqual([]);
  });
});
