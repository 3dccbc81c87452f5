// Management operations through the `cagnotte` command language (what Slack and Teams run), on a
// real SQLite file: permissions, charity queue, early close, moderation, payouts, exports,
// personal data and the audit log.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { getHistory } from "../../src/app/get-status.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import type { AppContext } from "../../src/app/context.js";
import { commandTable, runCommand, type CommandTable } from "../../src/app/commands/run-command.js";
import { managementCommands } from "../../src/app/commands/management-commands.js";
import { exportCsv } from "../../src/app/management/export-csv.js";
import type { Actor, CommandReply } from "../../src/app/commands/replies.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Store } from "../../src/ports/store.js";
import { presentReply, type Presentation } from "../../src/presenter/index.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

let store: Store & { db: Db };
let close: () => Promise<void>;
let clock: FixedClock;
let ctx: AppContext;
const table: CommandTable = commandTable(managementCommands);
const boss: Actor = { platform: "slack", platformUserId: "UBOSS", email: "boss@esn.example", personId: null, locale: "fr" };
const presentation: Presentation = { locale: "en", timeZone: "Europe/Paris", commandPrefix: "", milestoneCents: 1000 };
const tech: Actor = { platform: "teams", platformUserId: "29:tech", email: "tech@esn.example", personId: null, locale: "en" };

beforeEach(async () => {
  const t = await openTestStore("sqlite");
  store = t.store;
  close = t.close;
  clock = new FixedClock(new Date("2026-11-18T10:00:00Z"));
  ctx = testContext(store, clock);
});
afterEach(async () => close());

const run = (text: string, actor: Actor = boss) => runCommand(ctx, table, actor, text);
const text = (reply: CommandReply) => (reply.kind === "done" || reply.kind === "refused" ? presentReply(reply, presentation).title : reply.kind);

async function answer(comment: string | null, opts: { shareConsent?: boolean; email?: string } = {}) {
  clock.advance(60_000); // one answer a minute: exports and the audit log are in time order
  const r = await ticketClosed(ctx, ticketEvent(opts.email ? { requester: { email: opts.email, name: "Alice" } } : {}));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  const context = (await store.surveys.findContext(r.surveyId))!;
  const a = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment, shareConsent: opts.shareConsent });
  if (!a.ok) throw new Error(a.refusal.code);
  return { ...a, context };
}

describe("permissions", () => {
  it("refuses every management command to someone not in CAGNOTTE_ADMINS", async () => {
    for (const cmd of ["charity list", "campaign close", "moderation", "payout 2026-Q3 10 X", "export", "export-person a@b.c", "audit"]) {
      expect(await run(cmd, tech)).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    }
    expect(await run("charity list", { ...boss, email: null })).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    expect(await store.db.auditEntry.count()).toBe(0);
  });
});

describe("charity queue", () => {
  it("adds, lists, reorders and removes, each audited", async () => {
    expect(text(await run('charity add "Les Restos du Cœur" https://www.restosducoeur.org vetted 2026-11-02'))).toBe("Les Restos du Cœur added to the queue.");
    await run('charity add "Rêves de Gosse" vérifiée 2026-11-02');
    await run("charity add Emmaüs vetted 2026-11-02");
    expect(await run("charity reorder 3 1")).toMatchObject({ kind: "charities", charities: [{ name: "Emmaüs" }, { name: "Les Restos du Cœur" }, { name: "Rêves de Gosse" }] });
    expect(text(await run("charity remove 2"))).toBe("Les Restos du Cœur taken off the queue.");
    expect(await run("charity")).toMatchObject({ kind: "charities", charities: [{ name: "Emmaüs", queuePosition: 1 }, { name: "Rêves de Gosse", queuePosition: 2 }] });
    expect(await run("charity remove 9")).toMatchObject({ refusal: { code: "not-in-queue" } });
    expect(await run("charity reorder 1 7")).toMatchObject({ refusal: { code: "bad-position" } });
    expect(await run('charity add "X" ftp://nope vetted 2026-11-02')).toMatchObject({ refusal: { code: "bad-url" } });
    expect(await run("charity fly")).toMatchObject({ refusal: { code: "usage" } });
    const actions = (await store.audit.latest(10)).map((e) => e.action).sort();
    expect(actions).toEqual(["charity.add", "charity.add", "charity.add", "charity.remove", "charity.reorder"]);
  });

  it("gives a campaign that opened without a charity the one management adds", async () => {
    await run("status");
    expect(text(await run('charity add "Rêves de Gosse" vetted 2026-11-02'))).toBe("Rêves de Gosse is the beneficiary of campaign 2026-Q4.");
    expect((await store.campaigns.findByQuarter(2026, 4))!.charity?.name).toBe("Rêves de Gosse");
    expect(await store.charities.queue()).toEqual([]);
  });
});

describe("the règlement's checks", () => {
  it("refuses a charity whose criteria were not checked, and records who checked them and when", async () => {
    expect(await run('charity add "Paroisse Saint-Paul"')).toMatchObject({ refusal: { code: "charity-not-vetted" } });
    expect(text(await run('charity add "Paroisse Saint-Paul"'))).toContain("neither religious, political nor union-affiliated");
    expect(await run('charity add "Rêves de Gosse" vetted 2099-01-01')).toMatchObject({ refusal: { code: "bad-date" } });
    expect(await run('charity add "Rêves de Gosse" https://revesdegosse.fr vérifiée 2026-11-02')).toMatchObject({ kind: "done" });
    const [charity] = await store.charities.queue();
    expect(charity).toMatchObject({ name: "Rêves de Gosse", url: "https://revesdegosse.fr", vetting: { by: "boss@esn.example" } });
    expect(charity?.vetting?.on.toISOString().slice(0, 10)).toBe("2026-11-02");
  });

  it("asks why when the payout differs from the pot, and keeps both figures", async () => {
    await answer("Très bien");
    await answer("Parfait");
    clock.set("2027-01-10T10:00:00Z");
    const differs = await run("payout 2026-Q4 5.00 VIR-7");
    expect(differs).toMatchObject({ refusal: { code: "payout-differs" } });
    // The pot is quoted in the asker's language (the boss reads French).
    expect(text(differs)).toMatch(/2,00\s€/);
    expect(text(await run("payout 2026-Q4 5.00 VIR-7 2027-01-10 rounded up by the board"))).toBe("Payout of €5.00 recorded for 2026-Q4.");
    const [q4] = (await getHistory(ctx)).campaigns;
    expect(q4).toMatchObject({ amountCents: 200, payout: { amountCents: 500, reason: "rounded up by the board" } });
  });
});

describe("campaign, moderation, payout and history", () => {
  it("closes early: later answers do not count; the final figures are posted", async () => {
    await answer("Très bien");
    expect(text(await run("campaign close budget gelé"))).toBe("Campaign 2026-Q4 closed. The final figures are posted.");
    expect((await answer("Encore merci")).counted).toBe(false);
    const post = await store.db.outboxMessage.findFirstOrThrow({ where: { kind: "team-post" } });
    expect(JSON.parse(post.payload)).toMatchObject({ post: { kind: "campaign-closed", figures: { early: true } } });
    expect(await store.audit.latest(1)).toMatchObject([{ action: "campaign.close", actor: "boss@esn.example", reason: "budget gelé" }]);
    expect(await run("campaign close")).toMatchObject({ refusal: { code: "no-open-campaign" } });
  });

  it("approves a borderline comment (counted) and rejects another (never counted, not even by override)", async () => {
    const a = await answer("putain, enfin réparé, merci");
    const b = await answer("quel bordel ce service");
    expect(a.counted).toBe(false);
    const queue = await run("moderation");
    if (queue.kind !== "moderation-queue") throw new Error(queue.kind);
    expect(queue.items.map((i) => i.comment)).toEqual(["putain, enfin réparé, merci", "quel bordel ce service"]);
    const [itemA, itemB] = queue.items;
    expect(text(await run(`moderation approve ${itemA!.id}`))).toBe("Comment approved and counted.");
    expect(text(await run(`moderation reject ${itemB!.id} hors sujet`))).toBe("Comment rejected: it will never count.");
    expect(await run(`moderation approve ${itemB!.id}`)).toMatchObject({ refusal: { code: "already-resolved" } });
    expect(await run("moderation approve nope")).toMatchObject({ refusal: { code: "item-not-found" } });
    expect(await store.contributions.findByAnswer(a.answer.id)).toMatchObject({ status: "active", kind: "counted" });
    expect(await store.contributions.findByAnswer(b.answer.id)).toBeNull();
    expect(await run(`override ${b.answer.id} je veux le compter`)).toMatchObject({ refusal: { code: "comment-rejected" } });
    expect((await run("moderation")) as unknown).toMatchObject({ items: [] });
  });

  it("records a payout once the campaign has ended; history gives the lifetime total", async () => {
    await answer("Très bien");
    expect(await run("payout 2026-Q4 1.00 VIR-1")).toMatchObject({ refusal: { code: "campaign-still-open" } });
    clock.set("2027-01-10T10:00:00Z");
    expect(await run("payout 2026-Q4 abc VIR-1")).toMatchObject({ refusal: { code: "bad-amount" } });
    expect(await run("payout 2026-Q4 1.00 VIR-1 2027-13-01")).toMatchObject({ refusal: { code: "bad-date" } });
    expect(await run("payout 2026-Q4 1.00 VIR-1 2027-01-11")).toMatchObject({ refusal: { code: "bad-date" } }); // tomorrow
    expect(await run("payout 2031-Q1 1.00 VIR-1")).toMatchObject({ refusal: { code: "campaign-not-found" } });
    expect(text(await run("payout 2026-Q4 1,00 VIR-2027-001 2027-01-10"))).toBe("Payout of €1.00 recorded for 2026-Q4."); // today, 10:00 → noon is fine
    expect(await run("payout 2026-Q4 1.00 VIR-1")).toMatchObject({ refusal: { code: "already-paid" } });
    expect((await getHistory(ctx)).campaigns[0]?.payout).toMatchObject({ amountCents: 100, reason: null });
    expect((await getHistory(ctx)).totalGivenCents).toBe(100);
    expect(await store.audit.latest(1)).toMatchObject([{ action: "payout.record", subject: "campaign:2026-Q4" }]);
  });
});

describe("exports and personal data", () => {
  it("exports answers with consent flags, contributions and per-technician figures as CSV", async () => {
    await answer("Très bien", { shareConsent: true });
    await answer("=HYPERLINK(\"http://evil\")");
    const reply = await run("export answers 2026-Q4");
    if (reply.kind !== "file") throw new Error(reply.kind);
    expect(reply.filename).toBe("cagnotte-answers-2026-Q4.csv");
    const lines = reply.content.replace(/^\uFEFF/, "").trim().split("\n");
    expect(lines[0]).toBe("campaign,answer_id,answered_at,ticket,client,requester,technician,rating,rating_scale,comment,share_consent,moderation,outcome,withdrawn,erased,counted_eur");
    expect(lines[1]).toContain(",Très bien,yes,clean,counted,no,no,1.00");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")",no`); // management sees it, defused
    const techs = await run("export technicians");
    expect(techs.kind === "file" && techs.content.trim().split("\n")[1]).toBe("2026-Q4,tech@esn.example,Camille Tech,2,2,1.00,2,2.00");
    const contributions = await run("export contributions");
    expect(contributions.kind === "file" && contributions.content.split("\n").length).toBe(4);
    expect(await run("export everything")).toMatchObject({ refusal: { code: "usage" } });
  });

  it("leaves out comments without consent when the export is not for management", async () => {
    await answer("Partagé avec accord", { shareConsent: true });
    await answer("Gardé pour nous");
    const r = await exportCsv(ctx, { actorEmail: "boss@esn.example", kind: "answers", campaignLabel: null, forManagement: false });
    expect(r.ok && r.content).toContain("Partagé avec accord");
    expect(r.ok && r.content).not.toContain("Gardé pour nous");
    expect(await exportCsv(ctx, { actorEmail: "boss@esn.example", kind: "answers", campaignLabel: "2019-Q1", forManagement: true })).toEqual({ ok: false, reason: "campaign-not-found" });
  });

  it("exports one person's data to management, and erases a requester's comments on request", async () => {
    const a = await answer("Merci Camille", { email: "alice@client.example" });
    await answer("Encore bravo", { email: "alice@client.example" });
    const data = await run("export-person alice@client.example");
    if (data.kind !== "file") throw new Error(data.kind);
    expect(JSON.parse(data.content)).toMatchObject({ person: { email: "alice@client.example" }, ticketsRequested: [{ answer: { comment: "Merci Camille" } }, { answer: { comment: "Encore bravo" } }] });
    expect(await run("export-person nobody@x.example")).toMatchObject({ refusal: { code: "person-not-found" } });

    const alice: Actor = { platform: "slack", platformUserId: "UA", email: "alice@client.example", personId: a.context.requester.id, locale: "fr" };
    expect(text(await run("forget-me", alice))).toContain("forget-me confirm");
    expect(await store.db.answer.count({ where: { comment: { not: null } } })).toBe(2);
    clock.advance(60_000);
    expect(text(await run("forget-me confirm", alice))).toBe("2 comments erased.");
    expect(await store.db.answer.count({ where: { comment: { not: null } } })).toBe(0);
    expect(await store.contributions.potCents(a.campaignId)).toBe(0);
    const audit = await run("audit");
    if (audit.kind !== "audit") throw new Error(audit.kind);
    expect(audit.entries.map((e) => e.action)).toEqual(["person.forget", "person.export"]);
  });

  it("lists overrides, payouts and erasures in the audit log, newest first", async () => {
    const a = await answer(null);
    await run(`override ${a.answer.id} appel très apprécié`);
    clock.advance(60_000);
    await answer("Top", { email: "bob@client.example" });
    // Bob's chat identity is not linked yet: the e-mail his platform vouches for finds him.
    expect(text(await runCommand(ctx, table, { ...tech, personId: null, email: "bob@client.example" }, "forget-me confirm"))).toBe("1 comment erased.");
    clock.set("2027-01-10T10:00:00Z");
    await run("payout 2026-Q4 2.00 VIR-9 2027-01-10 arrondi");
    const audit = await run("audit");
    if (audit.kind !== "audit") throw new Error(audit.kind);
    // Names, not ids: the person who asked to be forgotten, the ticket the override was about.
    expect(audit.entries.map((e) => [e.action, e.actor])).toEqual([
      ["payout.record", "boss@esn.example"],
      ["person.forget", "Alice <bob@client.example>"],
      ["contribution.override", "boss@esn.example"],
    ]);
    expect(audit.entries[2]?.subject).toBe(`${a.context.ticket.source === "generic" ? "#" : ""}${a.context.ticket.externalId} (${a.context.requester.name})`);
  });
});
