// One contract for the Store port, run against SQLite and PostgreSQL: both must behave the same.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, type Store } from "../../src/ports/store.js";
import { openTestStore, providers } from "../support/databases.js";

const now = new Date("2026-11-20T10:00:00Z");

describe.each(providers)("Store contract (%s)", (provider) => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ store, close } = await openTestStore(provider));
  });
  afterEach(async () => close());

  async function seedTicket(externalId = "T-1") {
    const client = await store.clients.upsertByExternalId({ externalId: "c1", name: "Client", now });
    const requester = await store.people.upsertByEmail({ email: "Req@Client.example", name: "Req", clientId: client.id, now });
    const technician = await store.people.upsertByEmail({ email: "tech@esn.example", now });
    const ticket = await store.tickets.create({
      source: "generic", externalId, title: "t", kind: "incident", closedAt: now, receivedAt: now,
      requesterId: requester.id, technicianId: technician.id, clientId: client.id,
    });
    return { client, requester, technician, ticket };
  }

  it("upserts people by lower-cased e-mail without erasing known fields", async () => {
    const a = await store.people.upsertByEmail({ email: "Marie@Client.example", name: "Marie", now });
    const b = await store.people.upsertByEmail({ email: "marie@client.example", name: null, now });
    expect(b.id).toBe(a.id);
    expect(b.name).toBe("Marie");
    await store.people.linkPlatform(a.id, { platform: "slack", userId: "U1", locale: "en" }, now);
    expect(await store.people.findByPlatformId("slack", "U1")).toMatchObject({ id: a.id, locale: "en", slackUserId: "U1" });
    expect(await store.people.findByPlatformId("teams", "U1")).toBeNull();
  });

  it("keeps tickets unique per source and ticket id", async () => {
    await seedTicket("T-9");
    expect(await store.tickets.exists("generic", "T-9")).toBe(true);
    expect(await store.tickets.exists("glpi", "T-9")).toBe(false);
    await expect(store.transaction((tx) => tx.tickets.create({
      source: "generic", externalId: "T-9", title: null, kind: "incident", closedAt: now, receivedAt: now,
      requesterId: "x", technicianId: "x", clientId: "x",
    }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("rolls a transaction back entirely when it throws", async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.clients.upsertByExternalId({ externalId: "rollback", now });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await store.clients.findById("rollback")).toBeNull();
    const { client } = await seedTicket();
    expect((await store.clients.findById(client.id))?.externalId).toBe("c1");
  });

  it("moves surveys only from the expected states", async () => {
    const { ticket } = await seedTicket();
    const survey = await store.surveys.create({ ticketId: ticket.id, token: "tok", createdAt: now, expiresAt: new Date(now.getTime() + 1e9) });
    expect(await store.surveys.transition(survey.id, ["pending"], "delivered", { platform: "slack", messageRef: "{}", at: now })).toBe(true);
    expect(await store.surveys.transition(survey.id, ["pending"], "delivered")).toBe(false);
    const context = await store.surveys.findContextByToken("tok");
    expect(context).toMatchObject({ survey: { status: "delivered", platform: "slack" }, ticket: { externalId: "T-1" }, requester: { email: "req@client.example" } });
  });

  it("opens one campaign per quarter and queues charities in order", async () => {
    const first = await store.charities.add({ name: "Rêves de Gosse", now });
    const second = await store.charities.add({ name: "Sine Qua Non", now });
    expect((await store.charities.queue()).map((c) => c.name)).toEqual(["Rêves de Gosse", "Sine Qua Non"]);
    await store.charities.dequeue(first.id);
    expect((await store.charities.queue()).map((c) => c.id)).toEqual([second.id]);
    const input = { year: 2026, quarter: 4, startsAt: new Date("2026-09-30T22:00:00Z"), endsAt: new Date("2026-12-31T23:00:00Z"), charityId: first.id, now };
    const a = await store.campaigns.createIfAbsent(input);
    const b = await store.campaigns.createIfAbsent({ ...input, charityId: null });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, campaign: { id: a.campaign.id, charity: { name: "Rêves de Gosse" } } });
    expect(await store.campaigns.close(a.campaign.id, { at: now, by: "boss@esn.example", reason: "early" })).toBe(true);
    expect(await store.campaigns.close(a.campaign.id, { at: now, by: "boss@esn.example", reason: "again" })).toBe(false);
    expect((await store.campaigns.findByQuarter(2026, 4))?.status).toBe("closed");
  });

  it("sums active contributions and counts caps per requester and client", async () => {
    const { requester, client, ticket } = await seedTicket();
    const campaign = (await store.campaigns.createIfAbsent({ year: 2026, quarter: 4, startsAt: now, endsAt: new Date(now.getTime() + 1e9), charityId: null, now })).campaign;
    const survey = await store.surveys.create({ ticketId: ticket.id, token: "t2", createdAt: now, expiresAt: now });
    const answer = await store.answers.create({
      surveyId: survey.id, personId: requester.id, campaignId: campaign.id, rating: 3, ratingScale: 3, comment: "Merci", normalizedComment: "merci",
      shareConsent: true, moderation: "clean", outcome: "counted", answeredAt: now,
    });
    const c = await store.contributions.create({ answerId: answer.id, campaignId: campaign.id, requesterId: requester.id, clientId: client.id, kind: "counted", amountCents: 100, at: now });
    expect(await store.contributions.potCents(campaign.id)).toBe(100);
    expect(await store.contributions.countCounted(campaign.id, { requesterId: requester.id })).toBe(1);
    expect(await store.contributions.countCounted(campaign.id, { clientId: client.id })).toBe(1);
    expect(await store.contributions.countedNormalizedComments(campaign.id, requester.id)).toEqual(["merci"]);
    await store.contributions.reverse(c.id, { at: now, reason: "withdrawn" });
    expect(await store.contributions.potCents(campaign.id)).toBe(0);
    expect(await store.contributions.countCounted(campaign.id, {})).toBe(0);
  });

  it("keeps settings", async () => {
    expect(await store.settings.get("teams.progress-channel")).toBeNull();
    await store.settings.set("teams.progress-channel", "1", now);
    await store.settings.set("teams.progress-channel", "2", now);
    expect(await store.settings.get("teams.progress-channel")).toBe("2");
    await store.settings.delete("teams.progress-channel");
    expect(await store.settings.get("teams.progress-channel")).toBeNull();
    // Created once: instances racing to create the links' signing key all end with the first one.
    const created = await Promise.all(["k1", "k2", "k3"].map((value) => store.settings.createIfAbsent("links.signing-key", value, now)));
    const kept = await store.settings.get("links.signing-key");
    expect(["k1", "k2", "k3"]).toContain(kept);
    expect(created).toEqual([kept, kept, kept]);
    expect(await store.settings.createIfAbsent("links.signing-key", "k4", now)).toBe(kept);
  });

  it("keeps one message reference per purpose and platform, and forgets them by prefix", async () => {
    expect(await store.messageRefs.get("progress:c1", "slack")).toBeNull();
    await store.messageRefs.save({ purpose: "progress:c1", platform: "slack", ref: "a", now });
    await store.messageRefs.save({ purpose: "progress:c1", platform: "teams", ref: null, now });
    await store.messageRefs.save({ purpose: "progress:c1", platform: "slack", ref: "b", now });
    expect(await store.messageRefs.get("progress:c1", "slack")).toEqual({ purpose: "progress:c1", platform: "slack", ref: "b" });
    expect((await store.messageRefs.list("progress:c1")).map((r) => [r.platform, r.ref]).sort()).toEqual([["slack", "b"], ["teams", null]]);
    await store.messageRefs.save({ purpose: "delivery:o_1:person:a", platform: "slack", ref: "x", now });
    await store.messageRefs.save({ purpose: "delivery:o_1:team:slack", platform: "slack", ref: "y", now });
    // "_" and "%" are plain characters in a prefix, not patterns.
    await store.messageRefs.save({ purpose: "delivery:oX1:person:a", platform: "slack", ref: "z", now });
    expect(await store.messageRefs.forgetStartingWith("delivery:o_1:")).toBe(2);
    expect(await store.messageRefs.list("delivery:oX1:person:a")).toHaveLength(1);
    expect(await store.messageRefs.forgetStartingWith("delivery:%")).toBe(0);
    expect(await store.messageRefs.list("progress:c1")).toHaveLength(2);
  });

  it("lists the references of a prefix exactly: pattern characters and case are not wildcards", async () => {
    await store.messageRefs.save({ purpose: "comment:a_1:thank-you:person:x", platform: "slack", ref: "1", now });
    await store.messageRefs.save({ purpose: "comment:a_1:shared-comment:team:teams", platform: "teams", ref: "2", now: new Date(now.getTime() + 1) });
    await store.messageRefs.save({ purpose: "comment:aX1:thank-you:person:x", platform: "slack", ref: "3", now });
    await store.messageRefs.save({ purpose: "COMMENT:a_1:thank-you:person:x", platform: "slack", ref: "4", now });
    expect((await store.messageRefs.listStartingWith("comment:a_1:")).map((r) => [r.platform, r.ref])).toEqual([["slack", "1"], ["teams", "2"]]);
    expect(await store.messageRefs.listStartingWith("comment:%")).toEqual([]);
  });

  it("deduplicates outbox messages by key", async () => {
    const a = await store.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId: "s" }, dedupeKey: "k1", availableAt: now, now });
    const b = await store.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId: "s" }, dedupeKey: "k1", availableAt: now, now });
    expect(b).toEqual({ id: a.id, created: false });
    expect(await store.outbox.pendingCount()).toBe(1);
  });
  it("remembers webhook deliveries once per source and key, even when two race, and forgets old ones", async () => {
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-1", now)).toBe(true);
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-1", now)).toBe(false);
    // Another helpdesk may use the same key.
    expect(await store.webhookDeliveries.firstSeen("jira", "sig-1", now)).toBe(true);
    const raced = await Promise.all([1, 2, 3].map(() => store.webhookDeliveries.firstSeen("jira", "race", now)));
    expect(raced.filter(Boolean)).toHaveLength(1);
    const later = new Date(now.getTime() + 86_400_000);
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-2", later)).toBe(true);
    expect(await store.webhookDeliveries.forgetBefore(new Date(now.getTime() + 1))).toBe(3);
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-1", later)).toBe(true);
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-2", later)).toBe(false);
    await store.webhookDeliveries.forget("glpi", "sig-2");
    expect(await store.webhookDeliveries.firstSeen("glpi", "sig-2", later)).toBe(true);
  });
});
