// CAGNOTTE_HELPDESK_SURVEY_LINK against each fake helpdesk API: a closure from a helpdesk with the
// setting on enqueues a helpdesk.survey-link message in the same transaction as its survey, and the
// outbox writes the survey's link on the ticket — a custom field when one is set, else a public
// comment / reply / follow-up in the requester's language with the original practice's subject.
// 429 waits for Retry-After without counting an attempt; nothing is written for an answered survey;
// off by default. The chat survey still goes.
import { afterEach, describe, expect, it } from "vitest";
import { freshdeskConnector } from "../../src/adapters/helpdesks/freshdesk/index.js";
import { glpiConnector } from "../../src/adapters/helpdesks/glpi/index.js";
import { jiraConnector } from "../../src/adapters/helpdesks/jira/index.js";
import { zendeskConnector } from "../../src/adapters/helpdesks/zendesk/index.js";
import type { HelpdeskConnector } from "../../src/adapters/helpdesks/connector.js";
import { answerSurvey } from "../../src/app/answer-survey.js";
import type { AppContext } from "../../src/app/context.js";
import { outboxWorker } from "../../src/app/outbox/outbox-worker.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { loadConfig } from "../../src/config.js";
import { FakeFreshdesk } from "../support/fake-helpdesks/freshdesk.js";
import { FakeGlpi } from "../support/fake-helpdesks/glpi.js";
import { FakeJira } from "../support/fake-helpdesks/jira.js";
import { FakeZendesk } from "../support/fake-helpdesks/zendesk.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";

const SUBJECT_FR = "Clôture de votre ticket : votre avis compte !";
const SUBJECT_EN = "Your ticket is closed: your opinion counts!";

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

/** A store, a context with this connector, its outbox worker, and a closure of ticket `ticketId` from it. */
async function setup(makeConnector: (ctx: AppContext) => HelpdeskConnector) {
  const db = await openTestStore("sqlite");
  cleanup.push(db.close);
  const clock = new FixedClock(new Date("2026-11-20T10:00:00Z"));
  const ctx = testContext(db.store, clock);
  const connector = makeConnector(ctx);
  ctx.helpdesks = [connector.helpdesk];
  const chat = new RecordingPlatform("slack");
  const worker = outboxWorker(ctx, [chat]);
  const outbox = (kind: string) => db.store.db.outboxMessage.findMany({ where: { kind } });
  async function close(ticketId: string, locale: "fr" | "en" | null = null) {
    const event = ticketEvent({ source: connector.helpdesk.name, ticketId });
    if (locale) {
      const person = await db.store.people.upsertByEmail({ email: event.requester.email, now: clock.now() });
      await db.store.people.linkPlatform(person.id, { platform: "slack", userId: `U-${ticketId}`, locale }, clock.now());
    }
    const result = await ticketClosed(ctx, event);
    if (result.status !== "scheduled") throw new Error(`not scheduled: ${result.reason}`);
    return result;
  }
  return { db, clock, ctx, connector, chat, worker, outbox, close };
}

async function started<T extends { start(): Promise<T>; stop(): Promise<void> }>(fake: T): Promise<T> {
  await fake.start();
  cleanup.push(() => fake.stop());
  return fake;
}

describe("the survey link on the helpdesk ticket", () => {
  it("Zendesk: a public comment with the link (French by default), enqueued with the survey; the chat survey still goes", async () => {
    const zendesk = await started(new FakeZendesk());
    zendesk.tickets.set(4821, { id: 4821, status: "solved", requester_id: 10, assignee_id: 1, organization_id: null, comments: [] });
    const env = { ZENDESK_WEBHOOK_SECRET: "zendesk-signing-secret", ZENDESK_URL: zendesk.url, ZENDESK_EMAIL: zendesk.agent.email, ZENDESK_API_TOKEN: zendesk.agent.token, CAGNOTTE_HELPDESK_SURVEY_LINK: "zendesk" };
    const t = await setup((ctx) => zendeskConnector(ctx, loadConfig(env))!);
    const scheduled = await t.close("4821");
    // Written by the ingest's transaction, beside the survey's delivery.
    expect((await t.outbox("helpdesk.survey-link")).map((m) => JSON.parse(m.payload))).toEqual([{ surveyId: scheduled.surveyId }]);
    await t.worker.drain();
    const comments = zendesk.tickets.get(4821)!.comments;
    expect(comments).toHaveLength(1);
    expect(comments[0]!.public).toBe(true);
    expect(comments[0]!.body.split("\n")[0]).toBe(SUBJECT_FR);
    expect(comments[0]!.body).toContain(scheduled.surveyUrl);
    expect(comments[0]!.body).toMatch(/Qu'avez-vous pensé de l'intervention/);
    expect((await t.outbox("helpdesk.survey-link"))[0]).toMatchObject({ status: "sent" });
    // The chat survey went too (whichever the requester answers first counts).
    expect(t.chat.calls.filter((c) => c.op === "post")).toHaveLength(1);
  });

  it("Zendesk: the custom field when ZENDESK_SURVEY_LINK_FIELD is set, after waiting out a 429 without counting an attempt", async () => {
    const zendesk = await started(new FakeZendesk());
    zendesk.tickets.set(4822, { id: 4822, status: "solved", requester_id: 10, assignee_id: 1, organization_id: null, comments: [] });
    const env = {
      ZENDESK_WEBHOOK_SECRET: "zendesk-signing-secret",
      ZENDESK_URL: zendesk.url,
      ZENDESK_EMAIL: zendesk.agent.email,
      ZENDESK_API_TOKEN: zendesk.agent.token,
      CAGNOTTE_HELPDESK_SURVEY_LINK: "on",
      ZENDESK_SURVEY_LINK_FIELD: "360001234567",
    };
    const t = await setup((ctx) => zendeskConnector(ctx, loadConfig(env))!);
    const scheduled = await t.close("4822");
    zendesk.failNext({ status: 429, retryAfter: "40", match: /^PUT \/api\/v2\/tickets\/4822$/ });
    await t.worker.drain();
    const waiting = (await t.outbox("helpdesk.survey-link"))[0]!;
    expect(waiting).toMatchObject({ status: "pending", attempts: 0 });
    expect(waiting.availableAt.getTime()).toBe(t.clock.now().getTime() + 40_000);
    expect(zendesk.tickets.get(4822)!.custom_fields).toBeUndefined();
    t.clock.advance(40_000);
    await t.worker.drain();
    expect(zendesk.tickets.get(4822)!.custom_fields).toEqual({ 360001234567: scheduled.surveyUrl });
    expect(zendesk.tickets.get(4822)!.comments).toEqual([]);
    expect((await t.outbox("helpdesk.survey-link"))[0]).toMatchObject({ status: "sent" });
  });

  it("Freshdesk: a public reply in the requester's language, or the custom field; an unknown field is given up", async () => {
    const freshdesk = await started(new FakeFreshdesk());
    for (const id of [311, 312, 313]) freshdesk.tickets.set(id, { id, status: 4, requester_id: 20, responder_id: 5, company_id: null });
    const env = (field?: string) => ({
      FRESHDESK_WEBHOOK_USER: "cagnotte",
      FRESHDESK_WEBHOOK_PASSWORD: "freshdesk-webhook-password",
      FRESHDESK_URL: freshdesk.url,
      FRESHDESK_API_KEY: freshdesk.agent.apiKey,
      CAGNOTTE_HELPDESK_SURVEY_LINK: "freshdesk",
      ...(field ? { FRESHDESK_SURVEY_LINK_FIELD: field } : {}),
    });
    const reply = await setup((ctx) => freshdeskConnector(ctx, loadConfig(env()))!);
    const english = await reply.close("311", "en");
    await reply.worker.drain();
    expect(freshdesk.replies).toHaveLength(1);
    expect(freshdesk.replies[0]!.body).toContain(`<p><strong>${SUBJECT_EN}</strong></p>`);
    expect(freshdesk.replies[0]!.body).toContain(`<a href="${english.surveyUrl}">${english.surveyUrl}</a>`);

    const field = await setup((ctx) => freshdeskConnector(ctx, loadConfig(env("cf_cagnotte_survey")))!);
    const viaField = await field.close("312");
    await field.worker.drain();
    expect(freshdesk.customFields.get(312)).toEqual({ cf_cagnotte_survey: viaField.surveyUrl });
    expect(freshdesk.replies).toHaveLength(1);

    const wrong = await setup((ctx) => freshdeskConnector(ctx, loadConfig(env("cf_no_such_field")))!);
    await wrong.close("313");
    await wrong.worker.drain();
    expect((await wrong.outbox("helpdesk.survey-link"))[0]).toMatchObject({ status: "dead", lastError: expect.stringMatching(/Freshdesk ticket 313: field cf_no_such_field .*rejected/) });
  });

  it("Jira: a public comment (sd.public.comment internal: false) with the link, or the custom field", async () => {
    const jira = await started(new FakeJira());
    jira.issues.add("ITHD-213");
    const env = (field?: string) => ({
      JIRA_WEBHOOK_SECRET: "jira-webhook-secret-0123456789",
      JIRA_URL: jira.url,
      JIRA_EMAIL: jira.email,
      JIRA_API_TOKEN: jira.apiToken,
      CAGNOTTE_HELPDESK_SURVEY_LINK: "jira,glpi",
      ...(field ? { JIRA_SURVEY_LINK_FIELD: field } : {}),
    });
    const comment = await setup((ctx) => jiraConnector(ctx, loadConfig(env()))!);
    const scheduled = await comment.close("ITHD-212");
    await comment.worker.drain();
    expect(jira.comments).toHaveLength(1);
    expect(jira.comments[0]).toMatchObject({ issue: "ITHD-212", properties: [{ key: "sd.public.comment", value: { internal: false } }] });
    const text = JSON.stringify(jira.comments[0]!.body);
    expect(text).toContain(SUBJECT_FR);
    expect(text).toContain(JSON.stringify({ type: "link", attrs: { href: scheduled.surveyUrl } }));

    const field = await setup((ctx) => jiraConnector(ctx, loadConfig(env("customfield_10123")))!);
    const viaField = await field.close("ITHD-213");
    await field.worker.drain();
    expect(jira.fields.get("ITHD-213")).toEqual({ customfield_10123: viaField.surveyUrl });
    expect(jira.comments).toHaveLength(1);
  });

  it("GLPI: a public follow-up with the link; retried after a 500, and nothing once the survey is answered", async () => {
    const glpi = await started(new FakeGlpi());
    const env = { GLPI_WEBHOOK_SECRET: "glpi-webhook-secret-0123456789", GLPI_API_URL: glpi.url, GLPI_APP_TOKEN: glpi.appToken, GLPI_USER_TOKEN: glpi.userToken, CAGNOTTE_HELPDESK_SURVEY_LINK: "glpi" };
    const t = await setup((ctx) => glpiConnector(ctx, loadConfig(env))!);
    const scheduled = await t.close("1287");
    glpi.fail(500);
    await t.worker.drain();
    expect((await t.outbox("helpdesk.survey-link"))[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect(glpi.followups).toEqual([]);
    t.clock.advance(3_600_000);
    await t.worker.drain();
    expect(glpi.followups).toHaveLength(1);
    expect(glpi.followups[0]).toMatchObject({ items_id: 1287, is_private: 0 });
    expect(glpi.followups[0]!.content).toContain(`<p><strong>${SUBJECT_FR}</strong></p>`);
    expect(glpi.followups[0]!.content).toContain(`href="${scheduled.surveyUrl}"`);

    // Answered in chat before the outbox came to it: no link leads to a closed survey.
    const answered = await t.close("1288");
    const token = (await t.db.store.surveys.findContext(answered.surveyId))!.survey.token;
    await answerSurvey(t.ctx, { surveyId: answered.surveyId, answerer: { surveyToken: token }, rating: 3 });
    await t.worker.drain();
    expect(glpi.followups).toHaveLength(1);

    // A requester who unsubscribed gets no link through the helpdesk either.
    const event = ticketEvent({ source: "glpi", ticketId: "1289" });
    const person = await t.db.store.people.upsertByEmail({ email: event.requester.email, now: t.clock.now() });
    await t.db.store.db.person.update({ where: { id: person.id }, data: { surveysOptedOutAt: t.clock.now() } });
    expect(await ticketClosed(t.ctx, event)).toMatchObject({ status: "scheduled" });
    await t.worker.drain();
    expect((await t.outbox("helpdesk.survey-link")).map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
    expect(glpi.followups).toHaveLength(1);
  });

  it("is off by default: no outbox message and nothing written on the ticket", async () => {
    expect(loadConfig({}).surveyLink).toEqual({ helpdesks: "off", fields: { zendesk: null, freshdesk: null, jira: null } });
    expect(() => loadConfig({ CAGNOTTE_HELPDESK_SURVEY_LINK: "otrs" })).toThrow(/CAGNOTTE_HELPDESK_SURVEY_LINK/);
    expect(() => loadConfig({ ZENDESK_SURVEY_LINK_FIELD: "Cagnotte survey link" })).toThrow(/ZENDESK_SURVEY_LINK_FIELD: must be the numeric id/);
    expect(() => loadConfig({ FRESHDESK_SURVEY_LINK_FIELD: "Cagnotte survey" })).toThrow(/FRESHDESK_SURVEY_LINK_FIELD/);
    expect(() => loadConfig({ JIRA_SURVEY_LINK_FIELD: "10123" })).toThrow(/JIRA_SURVEY_LINK_FIELD/);
    expect(loadConfig({ CAGNOTTE_HELPDESK_SURVEY_LINK: "zendesk, jira", JIRA_SURVEY_LINK_FIELD: "customfield_10123" }).surveyLink).toEqual({
      helpdesks: ["zendesk", "jira"],
      fields: { zendesk: null, freshdesk: null, jira: "customfield_10123" },
    });
    const glpi = await started(new FakeGlpi());
    const env = { GLPI_WEBHOOK_SECRET: "glpi-webhook-secret-0123456789", GLPI_API_URL: glpi.url, GLPI_APP_TOKEN: glpi.appToken, GLPI_USER_TOKEN: glpi.userToken };
    const t = await setup((ctx) => glpiConnector(ctx, loadConfig(env))!);
    expect(t.connector.helpdesk.surveyLink).toBeNull();
    await t.close("1289");
    await t.worker.drain();
    expect(await t.outbox("helpdesk.survey-link")).toEqual([]);
    expect(await t.outbox("survey.deliver")).toHaveLength(1);
    expect(glpi.requests).toEqual([]);
  });
});
