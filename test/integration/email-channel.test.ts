// The e-mail channel end to end, against a real SMTP server started here (test/support/fake-smtp.ts)
// and the real bot with a fake Slack: a requester Slack does not know (users_not_found) gets the
// survey by e-mail in their language, answers it on the web page behind its link, gets one
// reminder by e-mail; an e-mail-first client's requester gets it by e-mail though Slack knows them;
// SMTP 451 is retried and the mail arrives once, 550 makes the survey undeliverable; the unsubscribe
// link's GET changes nothing and its one-click POST stops every later survey; no secret in the logs.
// SQLite for most; one case on PostgreSQL.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { runCommand } from "../../src/app/commands/run-command.js";
import { remindSurveys } from "../../src/app/lifecycle/remind-surveys.js";
import { textsFor } from "../../src/i18n/index.js";
import type { Provider } from "../support/databases.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { FakeSmtp, type ReceivedMail } from "../support/fake-smtp.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";
import { testSchedule } from "../support/schedule.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const fr = textsFor("fr");
const en = textsFor("en");
const TOKEN = "xoxb-mail-test";
const technician = { id: "UTECH", email: "camille@esn.example", name: "Camille Martin", locale: "fr-FR" };
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" };
const slackRequester = { id: "UKNOWN", email: "known@client-ef.example", name: "Kim Known", locale: "fr-FR" };
/** Tuesday 10:00 in Paris: business hours, so the reminder 49 h later is due at once. */
const START = "2026-12-01T09:00:00.000Z";

type Bot = Awaited<ReturnType<typeof startTestBot>>;

async function startMailBot(provider: Provider = "sqlite") {
  const smtp = new FakeSmtp();
  await smtp.start();
  const slack = new FakeSlack(TOKEN);
  for (const user of [technician, boss, slackRequester]) slack.addUser(user);
  const apiUrl = await slack.start();
  const clock = new FixedClock(new Date(START));
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString("utf8"));
      done();
    },
  });
  const bot = await startTestBot(
    {
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_SIGNING_SECRET: "mail-test-signing",
      SLACK_API_URL: apiUrl,
      SMTP_URL: smtp.url,
      MAIL_FROM: '"Cagnotte" <cagnotte@esn.example>',
      LOG_LEVEL: "debug",
    },
    { clock, logger: pino({ level: "debug" }, sink) },
    provider,
  );
  return {
    smtp,
    slack,
    bot,
    clock,
    logLines,
    async stop() {
      await bot.stop();
      await slack.stop();
      await smtp.stop();
    },
  };
}

let seq = 0;
async function close(bot: Bot, requester: { email: string; name?: string }, client = { id: "client-7", name: "Client SA" }, title = "Imprimante en panne") {
  const res = await closeTicketViaWebhook(bot.url, { ticketId: `M-${++seq}`, title, requester, technician, client });
  expect(res.status).toBe(202);
  return res.surveyId!;
}

const db = (bot: Bot) => (bot.ctx.store as unknown as { db: Db }).db;
const surveyRow = (bot: Bot, id: string) => db(bot).survey.findUniqueOrThrow({ where: { id } });
const textOf = (m: ReceivedMail) => String(m.parsed.text ?? "");
const htmlOf = (m: ReceivedMail) => String(m.parsed.html || "");
const surveyLink = (m: ReceivedMail) => /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+(?=\s|$)/.exec(textOf(m))?.[0] ?? "";
/** The raw header (unfolded), as a mail provider reads it for its one-click button. */
const unsubscribeLink = (m: ReceivedMail) => /^List-Unsubscribe: <([^>]+)>/im.exec(m.raw.replace(/\r?\n[ \t]+/g, " "))?.[1] ?? "";
/** Links name PUBLIC_URL (port 0 here): the same path on the running test server. */
const onTestServer = (bot: Bot, link: string) => link.replace(bot.ctx.publicUrl, bot.url);

async function potCents(bot: Bot): Promise<number> {
  const pot = (await (await fetch(`${bot.url}/api/pot`)).json()) as { amountCents: number };
  return pot.amountCents;
}

describe("surveys by e-mail (SQLite)", () => {
  let h: Awaited<ReturnType<typeof startMailBot>>;
  beforeAll(async () => {
    h = await startMailBot();
  });
  afterAll(async () => h?.stop());

  it("a requester Slack does not know gets the survey by e-mail in French, text and HTML both carrying the link, escaped", async () => {
    const surveyId = await close(h.bot, { email: "marie@client.example", name: "Marie Dupont" }, undefined, "Écran <script>alert(1)</script> & clavier");
    await h.bot.worker.drain();
    expect(h.slack.callsTo("users.lookupByEmail").some((c) => String(c.args.email) === "marie@client.example")).toBe(true);
    const mails = h.smtp.to("marie@client.example");
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    const survey = await surveyRow(h.bot, surveyId);
    expect(survey).toMatchObject({ status: "delivered", platform: "email" });
    expect(mail.parsed.subject).toContain("Clôture de votre ticket");
    expect(mail.parsed.subject).toContain("votre avis compte !");
    expect(mail.parsed.messageId).toBe(`<survey-${surveyId}@esn.example>`);
    expect(survey.messageRef).toBe(`<survey-${surveyId}@esn.example>`);
    const link = surveyLink(mail);
    expect(link).toBe(`${h.bot.ctx.publicUrl}/s/${survey.token}`);
    expect(htmlOf(mail)).toContain(`href="${link}"`);
    expect(htmlOf(mail)).toContain(`href="${link}?rating=3"`);
    expect(textOf(mail)).toContain(`${link}?rating=1`);
    // The technician's first name, the caps and moderation sentence, in both parts.
    for (const part of [textOf(mail), htmlOf(mail).replace(/&#39;/g, "'")]) {
      expect(part).toContain("Camille");
      expect(part).not.toContain("Camille Martin");
      expect(part).toContain(fr.survey.optional("1,00 €", 3, 10).slice(0, 60));
      expect(part).toContain(fr.mail.unsubscribeLink);
    }
    // Every value escaped in the HTML, nothing loaded from elsewhere.
    expect(htmlOf(mail)).toContain("Écran &lt;script&gt;alert(1)&lt;/script&gt; &amp; clavier");
    expect(htmlOf(mail)).not.toMatch(/<script|<img|<link|src=/i);
    expect(textOf(mail)).toContain("Écran <script>alert(1)</script> & clavier");
    // RFC 8058 one-click unsubscribe.
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(unsubscribeLink(mail)).toMatch(new RegExp(`^${h.bot.ctx.publicUrl}/unsubscribe/[A-Za-z0-9_-]{32}$`));
    expect(htmlOf(mail)).toContain(`href="${unsubscribeLink(mail)}"`);
    // Its outbox message due again (a crash after the send, before the record): not mailed twice.
    await db(h.bot).outboxMessage.updateMany({ where: { dedupeKey: `survey.deliver:${surveyId}` }, data: { status: "pending", availableAt: new Date(0), lockedBy: null, lockedUntil: null } });
    expect(await h.bot.worker.drain()).toBe(1);
    expect(h.smtp.to("marie@client.example")).toHaveLength(1);
  });

  it("in English for a requester whose language is English", async () => {
    const surveyId = await close(h.bot, { email: "paul@client.example", name: "Paul" });
    await db(h.bot).person.update({ where: { email: "paul@client.example" }, data: { locale: "en" } });
    await h.bot.worker.drain();
    const [mail] = h.smtp.to("paul@client.example");
    expect(mail?.parsed.subject).toBe(en.mail.subject((await db(h.bot).ticket.findFirstOrThrow({ where: { survey: { id: surveyId } } })).externalId.replace(/^/, "#")));
    expect(textOf(mail!)).toContain(en.mail.greeting("Paul"));
    expect(textOf(mail!)).toContain(en.mail.unsubscribeLink);
    expect(htmlOf(mail!)).toContain('<html lang="en">');
  });

  it("the link opens the web page, and answering there counts in the pot", async () => {
    await close(h.bot, { email: "lea@client.example", name: "Léa" });
    await h.bot.worker.drain();
    const link = surveyLink(h.smtp.to("lea@client.example")[0]!);
    const page = await fetch(onTestServer(h.bot, link));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<form");
    // A one-click rating link opens the page with that rating chosen, and records nothing by itself.
    const oneClick = await fetch(onTestServer(h.bot, `${link}?rating=3`));
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toMatch(/<input[^>]*value="3"[^>]*checked|<input[^>]*checked[^>]*value="3"/);
    expect(await db(h.bot).answer.count({ where: { survey: { token: link.slice(link.lastIndexOf("/") + 1) } } })).toBe(0);
    const before = await potCents(h.bot);
    const posted = await fetch(onTestServer(h.bot, link), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ rating: "3", comment: "Intervention rapide et très claire, merci à Camille." }).toString(),
    });
    expect(posted.status).toBeLessThan(400);
    expect(await potCents(h.bot)).toBe(before + 100);
  });

  it("sends the one reminder of a survey delivered by e-mail by e-mail, once", async () => {
    const surveyId = await close(h.bot, { email: "remi@client.example" });
    await h.bot.worker.drain();
    expect(h.smtp.to("remi@client.example")).toHaveLength(1);
    const dmsBefore = h.slack.callsTo("chat.postMessage").length;
    h.clock.advance(49 * 3_600_000);
    const first = await remindSurveys(h.bot.ctx, h.clock.now(), testSchedule);
    const again = await remindSurveys(h.bot.ctx, h.clock.now(), testSchedule);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    expect(again.reminded).toBe(0);
    await h.bot.worker.drain();
    await h.bot.worker.drain();
    const mails = h.smtp.to("remi@client.example");
    expect(mails).toHaveLength(2);
    expect(mails[1]!.parsed.subject).toContain("Rappel");
    expect(mails[1]!.parsed.messageId).toBe(`<survey-${surveyId}.reminder@esn.example>`);
    expect(surveyLink(mails[1]!)).toBe(surveyLink(mails[0]!));
    // No Slack attempt for it: its survey went by e-mail.
    expect(h.slack.callsTo("chat.postMessage").length).toBe(dmsBefore);
  });

  it("an e-mail-first client's requester gets the survey by e-mail though Slack knows them; the command is audited", async () => {
    const actor = { platform: "slack" as const, platformUserId: boss.id, email: boss.email, personId: null, locale: "en" as const };
    await close(h.bot, { email: "other@client-ef.example" }, { id: "client-ef", name: "EF Industries" });
    await h.bot.worker.drain();
    const refusedReply = await runCommand(h.bot.ctx, h.bot.commands, { ...actor, email: "someone@client.example", platformUserId: "UX" }, "client client-ef email-first on");
    expect(refusedReply).toMatchObject({ kind: "refused", refusal: { code: "not-management" } });
    expect(await runCommand(h.bot.ctx, h.bot.commands, actor, "client nobody-here email-first on")).toMatchObject({ kind: "refused", refusal: { code: "client-not-found" } });
    const reply = await runCommand(h.bot.ctx, h.bot.commands, actor, "client EF Industries email-first on");
    expect(reply).toEqual({ kind: "done", done: { kind: "client-email-first", client: "EF Industries", on: true } });
    const dmsBefore = h.slack.dmCounts().get(slackRequester.id) ?? 0;
    const surveyId = await close(h.bot, { email: slackRequester.email }, { id: "client-ef", name: "EF Industries" });
    await h.bot.worker.drain();
    expect(h.smtp.to(slackRequester.email)).toHaveLength(1);
    expect(h.slack.dmCounts().get(slackRequester.id) ?? 0).toBe(dmsBefore);
    expect(await surveyRow(h.bot, surveyId)).toMatchObject({ status: "delivered", platform: "email" });
    const audit = await db(h.bot).auditEntry.findMany({ where: { action: "client.email-first.on" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: boss.email, subject: "client:client-ef" });
    // Off again, typed in French: Slack first.
    expect(await runCommand(h.bot.ctx, h.bot.commands, { ...actor, locale: "fr" }, "client client-ef courriel-d-abord non")).toEqual({
      kind: "done",
      done: { kind: "client-email-first", client: "EF Industries", on: false },
    });
    await close(h.bot, { email: slackRequester.email }, { id: "client-ef", name: "EF Industries" });
    await h.bot.worker.drain();
    expect(h.smtp.to(slackRequester.email)).toHaveLength(1);
    expect(h.slack.dmCounts().get(slackRequester.id)).toBe(dmsBefore + 1);
  });

  it("SMTP 451 is retried with backoff and the mail arrives once", async () => {
    h.smtp.failNext({ at: "RCPT TO", code: 451, message: "4.7.1 Try again later" });
    const surveyId = await close(h.bot, { email: "busy@client.example" });
    await h.bot.worker.drain();
    expect(h.smtp.to("busy@client.example")).toHaveLength(0);
    expect((await surveyRow(h.bot, surveyId)).status).toBe("pending");
    const record = await db(h.bot).outboxMessage.findFirstOrThrow({ where: { dedupeKey: `survey.deliver:${surveyId}` } });
    expect(record).toMatchObject({ status: "pending", attempts: 1 });
    expect(record.lastError).toContain("451");
    h.clock.advance(10 * 60_000);
    await h.bot.worker.drain();
    await h.bot.worker.drain();
    expect(h.smtp.to("busy@client.example")).toHaveLength(1);
    expect(await surveyRow(h.bot, surveyId)).toMatchObject({ status: "delivered", platform: "email" });
  });

  it("SMTP 550 on the recipient makes the survey undeliverable", async () => {
    h.smtp.failNext({ at: "RCPT TO", code: 550, message: "5.1.1 Mailbox unavailable" });
    const surveyId = await close(h.bot, { email: "gone@client.example" });
    await h.bot.worker.drain();
    h.clock.advance(3_600_000);
    await h.bot.worker.drain();
    expect(h.smtp.to("gone@client.example")).toHaveLength(0);
    const survey = await surveyRow(h.bot, surveyId);
    expect(survey.status).toBe("undeliverable");
    expect(survey.undeliverableReason).toContain("users_not_found");
    expect(survey.undeliverableReason).toContain("550");
    expect(await db(h.bot).outboxMessage.findFirstOrThrow({ where: { dedupeKey: `survey.deliver:${surveyId}` } })).toMatchObject({ status: "dead" });
  });

  it("unsubscribe: GET shows a confirm page and changes nothing; the one-click POST stops every later survey; management opts back in", async () => {
    await close(h.bot, { email: "stop@client.example" });
    await h.bot.worker.drain();
    const link = onTestServer(h.bot, unsubscribeLink(h.smtp.to("stop@client.example")[0]!));
    const person = () => db(h.bot).person.findUniqueOrThrow({ where: { email: "stop@client.example" } });

    const shown = await fetch(link, { headers: { "accept-language": "en" } });
    expect(shown.status).toBe(200);
    const page = await shown.text();
    expect(page).toContain(en.mail.pageConfirm);
    expect(page).toContain("s•••@client.example");
    expect((await person()).surveysOptedOutAt).toBeNull();
    expect((await fetch(link.replace(/[^/]{8}$/, "AAAAAAAA"))).status).toBe(404);

    const oneClick = await fetch(link, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain(fr.mail.doneTitle);
    expect((await person()).surveysOptedOutAt).not.toBeNull();

    const next = await close(h.bot, { email: "stop@client.example" });
    await h.bot.worker.drain();
    expect(h.smtp.to("stop@client.example")).toHaveLength(1);
    expect(await surveyRow(h.bot, next)).toMatchObject({ status: "undeliverable", undeliverableReason: "opted-out" });
    expect(await db(h.bot).auditEntry.count({ where: { action: "surveys.opt-out", actor: "stop@client.example" } })).toBe(1);

    const actor = { platform: "slack" as const, platformUserId: boss.id, email: boss.email, personId: null, locale: "en" as const };
    expect(await runCommand(h.bot.ctx, h.bot.commands, actor, "requester stop@client.example surveys on")).toEqual({
      kind: "done",
      done: { kind: "requester-surveys", email: "stop@client.example", on: true },
    });
    await close(h.bot, { email: "stop@client.example" });
    await h.bot.worker.drain();
    expect(h.smtp.to("stop@client.example")).toHaveLength(2);
  });

  it("logs the SMTP host, never the SMTP password, nor survey or unsubscribe tokens", async () => {
    const all = h.logLines.join("");
    expect(all).toContain("e-mail: surveys by e-mail through 127.0.0.1");
    expect(all).not.toContain(h.smtp.password);
    expect(all).not.toContain(encodeURIComponent(h.smtp.password));
    const tokens = (await db(h.bot).person.findMany({ where: { unsubscribeToken: { not: null } } })).map((p) => p.unsubscribeToken!);
    const surveys = (await db(h.bot).survey.findMany()).map((s) => s.token);
    expect(tokens.length).toBeGreaterThan(3);
    for (const token of [...tokens, ...surveys]) expect(all).not.toContain(token);
    expect(all).not.toContain("marie@client.example");
  });
});

describe("surveys by e-mail without any chat platform", () => {
  it("mails the survey instead of writing it to the log", async () => {
    const smtp = new FakeSmtp();
    await smtp.start();
    const bot = await startTestBot({ SMTP_URL: smtp.url, MAIL_FROM: "cagnotte@esn.example" });
    try {
      const surveyId = await close(bot, { email: "solo@client.example" });
      await bot.worker.drain();
      expect(smtp.to("solo@client.example")).toHaveLength(1);
      expect(await surveyRow(bot, surveyId)).toMatchObject({ status: "delivered", platform: "email" });
    } finally {
      await bot.stop();
      await smtp.stop();
    }
  });
});

describe("surveys by e-mail (PostgreSQL)", () => {
  let h: Awaited<ReturnType<typeof startMailBot>> | undefined;
  afterEach(async () => h?.stop());

  it("mails the survey of a requester Slack does not know, and honours the unsubscribe link", async () => {
    h = await startMailBot("postgres");
    const first = await close(h.bot, { email: "pg@client.example", name: "Pauline" });
    await h.bot.worker.drain();
    const [mail] = h.smtp.to("pg@client.example");
    expect(mail?.parsed.subject).toContain("Clôture de votre ticket");
    expect(await surveyRow(h.bot, first)).toMatchObject({ status: "delivered", platform: "email" });
    const posted = await fetch(onTestServer(h!.bot, unsubscribeLink(mail!)), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(posted.status).toBe(200);
    const next = await close(h.bot, { email: "pg@client.example" });
    await h.bot.worker.drain();
    expect(h.smtp.to("pg@client.example")).toHaveLength(1);
    expect(await surveyRow(h.bot, next)).toMatchObject({ status: "undeliverable", undeliverableReason: "opted-out" });
  });
});
