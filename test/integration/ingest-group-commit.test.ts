// Ingest's group commit (src/app/ticket-closed.ts): closures arriving together are written by one
// transaction, each caller answered with its own result, on SQLite and PostgreSQL; a batch that
// fails, half-way or at COMMIT, leaves nothing and is written again closure by closure.
import { afterEach, describe, expect, it } from "vitest";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { openTestStore, providers } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

describe.each(providers)("group commit of closed tickets (%s)", (provider) => {
  let close: () => Promise<void> = async () => {};
  afterEach(() => close());

  async function setup() {
    const opened = await openTestStore(provider);
    close = opened.close;
    const ctx = testContext(opened.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
    return { ctx, db: (opened.store as unknown as { db: Db }).db };
  }

  it("records closures arriving together, each once, with its survey and delivery; duplicates and other kinds ignored", async () => {
    const { ctx, db } = await setup();
    const events = Array.from({ length: 30 }, (_, i) =>
      ticketEvent({ ticketId: `G-${i % 20}`, requester: { email: `Req${i % 7}@Client.example`, name: i % 2 ? `Req ${i % 7}` : null }, client: { id: `client-${i % 3}`, name: null } }),
    );
    events.push(ticketEvent({ ticketId: "G-other", kind: "request" }));
    const results = await Promise.all(events.map((e) => ticketClosed(ctx, e)));
    expect(results.filter((r) => r.status === "scheduled")).toHaveLength(20);
    expect(results.filter((r) => r.status === "ignored" && r.reason === "duplicate")).toHaveLength(10);
    expect(results.at(-1)).toEqual({ status: "ignored", reason: "kind-not-surveyed" });
    expect(await db.ticket.count()).toBe(20);
    expect(await db.survey.count({ where: { status: "pending" } })).toBe(20);
    expect(await db.outboxMessage.count({ where: { kind: "survey.deliver", status: "pending" } })).toBe(20);
    // People by e-mail in lower case, once each, with the name a ticket brought and their client.
    const requesters = await db.person.findMany({ where: { email: { startsWith: "req" } }, orderBy: { email: "asc" } });
    expect(requesters).toHaveLength(7);
    expect(requesters.every((p) => p.name !== null && p.clientId !== null)).toBe(true);
    expect(await db.client.count()).toBe(3);
    // Again, later: every one a duplicate, nothing written.
    const again = await Promise.all(events.slice(0, 20).map((e) => ticketClosed(ctx, e)));
    expect(again.every((r) => r.status === "ignored" && r.reason === "duplicate")).toBe(true);
    expect(await db.ticket.count()).toBe(20);
  });

  it("keeps a person's name up to date from a later ticket, known in memory or not", async () => {
    const { ctx, db } = await setup();
    await ticketClosed(ctx, ticketEvent({ ticketId: "N-1", requester: { email: "marie@client.example", name: null } }));
    await ticketClosed(ctx, ticketEvent({ ticketId: "N-2", requester: { email: "marie@client.example", name: "Marie" } }));
    await ticketClosed(ctx, ticketEvent({ ticketId: "N-3", requester: { email: "marie@client.example", name: null } }));
    expect((await db.person.findUniqueOrThrow({ where: { email: "marie@client.example" } })).name).toBe("Marie");
  });

  it("answers every caller of a batch that fails with its own result, one transaction each", async () => {
    const { ctx, db } = await setup();
    await ticketClosed(ctx, ticketEvent({ ticketId: "F-0", requester: { email: "known@client.example", name: null } }));
    // The person is known in memory; another process changes the database under it.
    await db.$executeRawUnsafe(`UPDATE "Person" SET "email" = 'moved@client.example' WHERE "email" = 'known@client.example'`);
    await db.$executeRawUnsafe(`INSERT INTO "Person" ("id", "email", "createdAt", "updatedAt") VALUES ('p-known', 'known@client.example', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`.replace(/\+00:00/g, provider === "postgres" ? "Z" : "+00:00"));
    await db.$executeRawUnsafe(`DELETE FROM "OutboxMessage"`);
    await db.$executeRawUnsafe(`DELETE FROM "Survey"`);
    await db.$executeRawUnsafe(`DELETE FROM "Ticket"`);
    await db.$executeRawUnsafe(`DELETE FROM "Person" WHERE "email" = 'moved@client.example'`);
    const results = await Promise.all([1, 2, 3].map((i) => ticketClosed(ctx, ticketEvent({ ticketId: `F-${i}`, requester: { email: "known@client.example", name: null } }))));
    expect(results.map((r) => r.status)).toEqual(["scheduled", "scheduled", "scheduled"]);
    expect(await db.ticket.count({ where: { requesterId: "p-known" } })).toBe(3);
  });

  // The batch's statements run on the driver directly (src/adapters/store/closure-statements.ts):
  // a statement failing half-way through must take the batch's earlier rows with it.
  const refuseTicket = {
    sqlite: [`CREATE TRIGGER "refuse_ticket" BEFORE INSERT ON "Ticket" WHEN NEW."title" = 'refuse me' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`],
    postgres: [
      `CREATE FUNCTION refuse_ticket() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."title" = 'refuse me' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
      `CREATE TRIGGER refuse_ticket BEFORE INSERT ON "Ticket" FOR EACH ROW EXECUTE FUNCTION refuse_ticket()`,
    ],
  };

  it("rolls a batch failing half-way back whole: the others recorded once each, the failing closure answered with its error, nothing of it kept", async () => {
    const { ctx, db } = await setup();
    for (const sql of refuseTicket[provider]) await db.$executeRawUnsafe(sql);
    // One batch: the refused closure comes after rows the batch has already written (its people
    // first, and on SQLite the tickets, surveys and deliveries before it).
    const events = Array.from({ length: 9 }, (_, i) => ticketEvent({ ticketId: `H-${i}`, title: i === 4 ? "refuse me" : "Imprimante" }));
    const settled = await Promise.allSettled(events.map((e) => ticketClosed(ctx, e)));
    expect(settled.map((s) => s.status)).toEqual(events.map((_, i) => (i === 4 ? "rejected" : "fulfilled")));
    const ids = settled.flatMap((s) => (s.status === "fulfilled" && s.value.status === "scheduled" ? [s.value.surveyId] : []));
    expect(ids).toHaveLength(8);
    // Exactly the acknowledged ones, each once, with its survey and its delivery; nothing of H-4.
    expect((await db.ticket.findMany({ select: { externalId: true }, orderBy: { externalId: "asc" } })).map((t) => t.externalId)).toEqual(["H-0", "H-1", "H-2", "H-3", "H-5", "H-6", "H-7", "H-8"]);
    expect((await db.survey.findMany({ select: { id: true } })).map((s) => s.id).sort()).toEqual([...ids].sort());
    expect((await db.outboxMessage.findMany({ select: { dedupeKey: true } })).map((m) => m.dedupeKey).sort()).toEqual(ids.map((id) => `survey.deliver:${id}`).sort());
    expect(await db.person.count({ where: { email: events[4]!.requester.email.toLowerCase() } })).toBe(0);
    expect(await db.person.count({ where: { email: events[5]!.requester.email.toLowerCase() } })).toBe(1);
  });

  it.runIf(provider === "postgres")("acknowledges a batch only once COMMIT succeeded: a COMMIT that fails is written again closure by closure", async () => {
    const { ctx, db } = await setup();
    // A constraint checked at COMMIT only: the batch's statements all succeed, its COMMIT fails.
    await db.$executeRawUnsafe(
      `CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF (SELECT "title" FROM "Ticket" WHERE "id" = NEW."ticketId") = 'refuse at commit' THEN RAISE EXCEPTION 'refused at commit by the test'; END IF; RETURN NULL; END $$`,
    );
    await db.$executeRawUnsafe(`CREATE CONSTRAINT TRIGGER refuse_at_commit AFTER INSERT ON "Survey" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()`);
    const events = Array.from({ length: 5 }, (_, i) => ticketEvent({ ticketId: `C-${i}`, title: i === 2 ? "refuse at commit" : "Imprimante" }));
    const settled = await Promise.allSettled(events.map((e) => ticketClosed(ctx, e)));
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled"]);
    const ids = settled.flatMap((s) => (s.status === "fulfilled" && s.value.status === "scheduled" ? [s.value.surveyId] : []));
    expect((await db.survey.findMany({ select: { id: true } })).map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(await db.ticket.count({ where: { externalId: "C-2" } })).toBe(0);
  });

  // Survey link (connectors-finish): one more outbox row per closure, written with the others.
  it("writes a helpdesk.survey-link row beside each survey's delivery for a helpdesk with the survey link on, none for other sources", async () => {
    const { ctx, db } = await setup();
    ctx.helpdesks = [{ name: "glpi", writeBack: null, surveyLink: { post: async () => ({ status: "done", ref: null }) }, check: async () => [] }];
    const events = [...Array.from({ length: 8 }, (_, i) => ticketEvent({ source: "glpi", ticketId: `L-${i}` })), ticketEvent({ source: "generic", ticketId: "L-generic" })];
    const results = await Promise.all(events.map((e) => ticketClosed(ctx, e)));
    const surveyIds = results.map((r) => (r.status === "scheduled" ? r.surveyId : null));
    expect(surveyIds.every((id) => id !== null)).toBe(true);
    const links = await db.outboxMessage.findMany({ where: { kind: "helpdesk.survey-link" } });
    expect(links.map((m) => JSON.parse(m.payload).surveyId as string).sort()).toEqual(surveyIds.slice(0, 8).sort());
    expect(links.every((m) => m.status === "pending" && m.dedupeKey === `helpdesk.survey-link:${JSON.parse(m.payload).surveyId}`)).toBe(true);
    expect(await db.outboxMessage.count({ where: { kind: "survey.deliver" } })).toBe(9);
  });
});
