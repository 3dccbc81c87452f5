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

  it("finds a person by e-mail or platform id alike outside a transaction (on the driver) and inside one (through Prisma)", async () => {
    const { client } = await seedTicket();
    const marie = await store.people.upsertByEmail({ email: "marie@client.example", name: "Marie", clientId: client.id, now });
    await store.people.linkPlatform(marie.id, { platform: "teams", userId: "29:abc", locale: "fr" }, now);
    const expected = { id: marie.id, email: "marie@client.example", name: "Marie", locale: "fr", clientId: client.id, slackUserId: null, teamsUserId: "29:abc" };
    const lookups = async (people: Store["people"]) => [
      await people.findByEmail("  Marie@Client.EXAMPLE "),
      await people.findByPlatformId("teams", "29:abc"),
      await people.findByPlatformId("slack", "29:abc"),
      await people.findByEmail("nobody@client.example"),
    ];
    const outside = await lookups(store.people);
    expect(outside).toEqual([expected, expected, null, null]);
    expect(await store.transaction((tx) => lookups(tx.people))).toEqual(outside);
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
  // perf-delivery2: the delivery hot path runs on the driver (delivery-statements.ts) outside
  // transactions, through Prisma inside them; both must mean the same.
  it("claims due messages oldest first, never one twice, renews and settles them", async () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    const enqueue = async (surveyId: string, availableAt: Date) => (await store.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId }, availableAt, now })).id;
    const m3 = await enqueue("s3", at(-1_000));
    const m1 = await enqueue("s1", at(-3_000));
    const m2 = await enqueue("s2", at(-2_000));
    const m4 = await enqueue("later", at(60_000));
    // Four workers at once, one message each: three messages, each held by one worker only.
    const raced = await Promise.all(["w1", "w2", "w3", "w4"].map((worker) => store.outbox.claimDue({ worker, now, limit: 1, leaseMs: 10_000 })));
    const ids = raced.flat().map((r) => r.id);
    expect(ids.sort()).toEqual([m1, m2, m3].sort());
    expect(raced.flat().every((r) => r.attempts === 1 && r.kind === "survey.deliver")).toBe(true);
    expect(await store.outbox.claimDue({ worker: "w5", now, limit: 10, leaseMs: 10_000 })).toEqual([]);
    const holder = (id: string) => ["w1", "w2", "w3", "w4"][raced.findIndex((r) => r[0]?.id === id)] ?? "none";
    // Only the holder renews, and only while its lease runs.
    expect(await store.outbox.renewLease({ id: m1, worker: "w5", now, leaseMs: 10_000 })).toBe(false);
    expect(await store.outbox.renewLease({ id: m1, worker: holder(m1), now: at(5_000), leaseMs: 10_000 })).toBe(true);
    expect(await store.outbox.renewLeases({ ids: [m1, m2], worker: holder(m1), now: at(5_000), leaseMs: 10_000 })).toEqual([m2]);
    expect(await store.outbox.renewLeases({ ids: [], worker: holder(m1), now, leaseMs: 10_000 })).toEqual([]);
    // m2's lease (10 s) ran out: another worker takes it, the first can no longer renew it.
    const retaken = await store.outbox.claimDue({ worker: "w6", now: at(11_000), limit: 10, leaseMs: 10_000 });
    expect(retaken.map((r) => [r.id, r.attempts, r.payload])).toEqual([
      [m2, 2, { surveyId: "s2" }],
      [m3, 2, { surveyId: "s3" }],
    ]);
    expect(await store.outbox.renewLease({ id: m2, worker: holder(m2), now: at(11_000), leaseMs: 10_000 })).toBe(false);
    // Settlements: sent and dead leave the queue; a rate-limited retry does not count its attempt.
    await store.outbox.markSent(m1, at(12_000));
    await store.outbox.markDead(m3, { at: at(12_000), error: "x".repeat(5_000) });
    await store.outbox.reschedule(m2, { availableAt: at(20_000), error: "ratelimited", uncount: true });
    expect(await store.outbox.pendingCount()).toBe(2);
    expect(await store.outbox.claimDue({ worker: "w7", now: at(19_999), limit: 10, leaseMs: 10_000 })).toEqual([]);
    expect((await store.outbox.claimDue({ worker: "w7", now: at(20_000), limit: 10, leaseMs: 10_000 })).map((r) => [r.id, r.attempts])).toEqual([[m2, 2]]);
    await store.outbox.reschedule(m2, { availableAt: at(30_000), error: "failed" });
    expect((await store.outbox.claimDue({ worker: "w8", now: at(70_000), limit: 10, leaseMs: 10_000 })).map((r) => [r.id, r.attempts])).toEqual([
      [m2, 3],
      [m4, 1],
    ]);
  });

  it("reads a survey's context and routing, and moves it, alike outside and inside a transaction", async () => {
    const { requester, client, technician } = await seedTicket();
    const { ticket } = await seedTicket("T-2");
    const survey = await store.surveys.create({ ticketId: ticket.id, token: "tok-2", createdAt: now, expiresAt: new Date(now.getTime() + 1e9) });
    const context = await store.surveys.findContext(survey.id);
    expect(context).toEqual({
      survey: { id: survey.id, token: "tok-2", status: "pending", platform: null, createdAt: now, expiresAt: new Date(now.getTime() + 1e9) },
      ticket: { id: ticket.id, source: "generic", externalId: "T-2", title: "t", kind: "incident", closedAt: now },
      requester: { ...requester, email: "req@client.example" },
      technician,
      client: { id: client.id, externalId: "c1", name: "Client" },
    });
    expect(await store.transaction((tx) => tx.surveys.findContext(survey.id))).toEqual(context);
    expect(await store.surveys.findContext("no-such-survey")).toBeNull();
    expect(await store.mailing.routing({ personId: requester.id, clientId: client.id })).toEqual({ optedOut: false, emailFirst: false });
    await store.mailing.setOptedOut(requester.id, true, now);
    await store.mailing.setEmailFirst(client.id, true);
    expect(await store.mailing.routing({ personId: requester.id, clientId: client.id })).toEqual({ optedOut: true, emailFirst: true });
    expect(await store.mailing.routing({ personId: requester.id, clientId: null })).toEqual({ optedOut: true, emailFirst: false });
    // A transition is a write that may change a figure; it keeps what the patch does not name.
    const commits = store.commits();
    const later = new Date(now.getTime() + 5_000);
    expect(await store.surveys.transition(survey.id, ["expired", "pending"], "delivered", { platform: "slack", messageRef: "{\"ts\":\"1\"}", at: later })).toBe(true);
    expect(store.commits()).toBe(commits + 1);
    expect(await store.surveys.transition(survey.id, ["pending"], "undeliverable", { undeliverableReason: "no" })).toBe(false);
    expect(await store.surveys.messageRef(survey.id)).toEqual({ platform: "slack", messageRef: "{\"ts\":\"1\"}" });
    expect(await store.transaction((tx) => tx.surveys.findContext(survey.id))).toMatchObject({ survey: { status: "delivered", platform: "slack" } });
    expect(await store.surveys.transition(survey.id, ["delivered"], "undeliverable", { undeliverableReason: "gone" })).toBe(true);
    expect(await store.surveys.findContext(survey.id)).toMatchObject({ survey: { status: "undeliverable", platform: "slack" } });
    // Outbox bookkeeping never moves the figures.
    const { id } = await store.outbox.enqueue({ kind: "survey.deliver", payload: { surveyId: survey.id }, availableAt: now, now });
    const before = store.commits();
    await store.outbox.claimDue({ worker: "w", now, limit: 1, leaseMs: 1_000 });
    await store.outbox.markSent(id, now);
    expect(store.commits()).toBe(before);
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
