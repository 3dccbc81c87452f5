// GLPI 11's native webhook against the real HTTP app, with a fake GLPI REST API: the reference
// payloads signed with the reference vectors schedule one survey with the e-mails GLPI's API gives;
// wrong, missing or stale signatures write nothing; the challenge is answered; write-back reaches
// GLPI's satisfaction record (or a private follow-up); connector:check says what works.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { withdrawComment } from "../../src/app/withdraw-comment.js";
import { connectorCheck } from "../../src/cli/connector-check.js";
import { glpiSignature } from "../../src/adapters/helpdesks/glpi/signature.js";
import { FakeGlpi } from "../support/fake-helpdesks/glpi.js";
import { dbOf, rowCounts } from "../support/fake-helpdesks/rows.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";

const fixtures = join(import.meta.dirname, "../fixtures/helpdesks");
const closed = readFileSync(join(fixtures, "glpi-ticket-closed.json"));
const solved = readFileSync(join(fixtures, "glpi-ticket-solved.json"));
const vectors = JSON.parse(readFileSync(join(fixtures, "signature-vectors.json"), "utf8")) as { provider: string; body_file?: string; secret: string; timestamp?: string; headers?: Record<string, string>; request?: string; expected_response_body?: string }[];
const vector = (file: string) => vectors.find((v) => v.body_file === file)!;
const SECRET = vector("glpi-ticket-closed.json").secret;

describe("GLPI webhook", () => {
  let glpi: FakeGlpi;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  // The reference deliveries were signed on 2025-10-16 around 15:00 UTC.
  const clock = new FixedClock(new Date("2025-10-16T16:00:00Z"));
  const env = () => ({ GLPI_WEBHOOK_SECRET: SECRET, GLPI_API_URL: glpi.url, GLPI_APP_TOKEN: glpi.appToken, GLPI_USER_TOKEN: glpi.userToken, CAGNOTTE_WRITE_BACK: "glpi" });

  beforeEach(async () => {
    clock.set("2025-10-16T16:00:00Z");
    glpi = await new FakeGlpi().start();
    bot = await startTestBot(env(), { clock });
  });
  afterEach(async () => {
    await bot.stop();
    await glpi.stop();
  });

  const post = (body: Buffer | string, headers: Record<string, string>) => fetch(`${bot.url}/webhooks/glpi`, { method: "POST", body, headers });
  const signedAsReference = (file: string, body: Buffer) => post(body, vector(file).headers!);
  const signedNow = (body: Buffer | string) => {
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    return post(body, { "X-GLPI-signature": glpiSignature(SECRET, Buffer.from(body), timestamp), "X-GLPI-timestamp": timestamp });
  };

  it("answers GLPI's challenge as GLPI expects", async () => {
    const cra = vectors.find((v) => v.provider === "glpi-cra-challenge")!;
    const token = new URL(cra.request!.replace("GET <webhook url>", "http://x/")).searchParams.get("crc_token")!;
    const res = await fetch(`${bot.url}/webhooks/glpi?crc_token=${token}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(cra.expected_response_body);
    // Nothing else is signed on request: not a body, not a shorter token.
    for (const other of [encodeURIComponent('{"item":1}'), "abc", ""]) expect((await fetch(`${bot.url}/webhooks/glpi?crc_token=${other}`)).status).toBe(400);
  });

  it("schedules one survey for the reference closure, with the e-mails from GLPI's API, the entity as client and the type as kind", async () => {
    const res = await signedAsReference("glpi-ticket-closed.json", closed);
    expect(res.status).toBe(202);
    const db = dbOf(bot.ctx.store);
    const ticket = await db.ticket.findFirstOrThrow({ include: { requester: true, technician: true, client: true, survey: true } });
    expect(ticket).toMatchObject({ source: "glpi", externalId: "1287", kind: "incident", title: "Printer on 3rd floor shows error 50.2" });
    expect(ticket.closedAt.toISOString()).toBe("2025-10-16T15:05:12.000Z");
    expect(ticket.requester).toMatchObject({ email: "julie.dupont@client.example", name: "Julie Dupont" });
    expect(ticket.technician).toMatchObject({ email: "paul.martin@esn.example", name: "Paul Martin" });
    expect(ticket.client).toMatchObject({ externalId: "glpi:3", name: "Lyon office" });
    expect(ticket.survey).not.toBeNull();
    expect(await db.survey.count()).toBe(1);
    // One sign-in, then each person's e-mails.
    expect(glpi.requests).toEqual(["GET initSession", "GET User/42/UserEmail", "GET User/7/UserEmail"]);
  });

  it("surveys once when the ticket is solved then closed, and refuses a replayed delivery", async () => {
    expect((await signedAsReference("glpi-ticket-solved.json", solved)).status).toBe(202);
    const closing = await signedAsReference("glpi-ticket-closed.json", closed);
    expect(closing.status).toBe(200);
    expect(await closing.json()).toEqual({ status: "ignored", reason: "duplicate" });
    const replay = await signedAsReference("glpi-ticket-closed.json", closed);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ status: "ignored", reason: "replay" });
    expect(await dbOf(bot.ctx.store).survey.count()).toBe(1);
    // E-mails were looked up once per person (kept in memory).
    expect(glpi.requests.filter((r) => r.includes("UserEmail"))).toHaveLength(2);
  });

  it("refuses a wrong, missing or stale signature with 401 and writes nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    const { headers } = vector("glpi-ticket-closed.json");
    const wrong = await post(closed, { ...headers, "X-GLPI-signature": "0".repeat(64) });
    const tampered = await post(Buffer.from(closed.toString().replace("Lyon office", "Paris office")), headers!);
    const missing = await post(closed, { "X-GLPI-timestamp": headers!["X-GLPI-timestamp"]! });
    clock.set("2025-10-17T15:06:00Z"); // a day and a minute after it was signed
    const stale = await signedAsReference("glpi-ticket-closed.json", closed);
    for (const res of [wrong, tampered, missing, stale]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthenticated" });
    }
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect(glpi.requests).toEqual([]);
  });

  it("ignores an update that is not a closure, and other events, with the reason", async () => {
    const pending = closed.toString().replace('"id": 6,\n            "name": "Closed"', '"id": 4,\n            "name": "Pending"');
    expect(pending).not.toBe(closed.toString());
    const res = await signedNow(pending);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ignored", reason: "not-a-closure: status 4" });
    const created = await signedNow(closed.toString().replace('"event": "update"', '"event": "new"'));
    expect(await created.json()).toEqual({ status: "ignored", reason: "not-a-closure: event new" });
    expect(await dbOf(bot.ctx.store).ticket.count()).toBe(0);
  });

  it("answers 503 while GLPI's API is down, writes nothing, and handles GLPI's retry of the same bytes", async () => {
    const before = await rowCounts(bot.ctx.store);
    glpi.fail(500);
    const down = await signedAsReference("glpi-ticket-closed.json", closed);
    expect(down.status).toBe(503);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect((await signedAsReference("glpi-ticket-closed.json", closed)).status).toBe(202);
  });

  it("ignores a closure whose requester has no e-mail in GLPI, and opens a new session when GLPI killed it", async () => {
    glpi.users.delete(42);
    const res = await signedAsReference("glpi-ticket-closed.json", closed);
    expect(await res.json()).toEqual({ status: "ignored", reason: "requester-email-unknown" });
    expect(await dbOf(bot.ctx.store).ticket.count()).toBe(0);
    glpi.users.set(42, [{ email: "julie.dupont@client.example", is_default: 1 }]);
    glpi.killSessions();
    expect((await signedNow(solved)).status).toBe(202);
    expect(glpi.requests.filter((r) => r === "GET initSession")).toHaveLength(2);
  });

  async function answerReference(comment: string | null, rating = 3) {
    expect((await signedAsReference("glpi-ticket-closed.json", closed)).status).toBe(202);
    const survey = await dbOf(bot.ctx.store).survey.findFirstOrThrow();
    const answered = await answerSurvey(bot.ctx, { surveyId: survey.id, answerer: { surveyToken: survey.token }, rating, comment });
    if (!answered.ok) throw new Error("not answered");
    return answered.answer;
  }

  it("writes the answer back to the ticket's satisfaction record, and clears the comment when it is withdrawn", async () => {
    glpi.satisfactions.push({ tickets_id: 1287, type: 1, satisfaction: null, comment: null, date_answered: null });
    const answer = await answerReference("Rapide et <efficace>");
    await bot.worker.drain();
    expect(glpi.satisfactions).toEqual([{ tickets_id: 1287, type: 1, satisfaction: 5, comment: "Rapide et <efficace>", date_answered: "now" }]);
    await withdrawComment(bot.ctx, { by: { personId: answer.personId }, answerId: answer.id });
    await bot.worker.drain();
    expect(glpi.satisfactions[0]).toMatchObject({ satisfaction: 5, comment: "" });
    expect(glpi.followups).toEqual([]);
  });

  it("says on the ticket that the comment was withdrawn when GLPI no longer lets the satisfaction change", async () => {
    const answer = await answerReference("Parfait");
    await bot.worker.drain();
    expect(glpi.satisfactions).toEqual([expect.objectContaining({ tickets_id: 1287, satisfaction: 5, comment: "Parfait" })]);
    glpi.canWriteSatisfaction = false; // e.g. 12 h after the answer
    await withdrawComment(bot.ctx, { by: { personId: answer.personId }, answerId: answer.id });
    await bot.worker.drain();
    expect(glpi.followups).toEqual([{ id: 500, items_id: 1287, is_private: 1, content: "<p>Avis du demandeur, recueilli par Cagnotte</p><p>Note : Efficace (3/3)</p><p>Le demandeur a retiré son commentaire.</p>" }]);
    expect(await dbOf(bot.ctx.store).outboxMessage.count({ where: { kind: "helpdesk.write-back", status: "sent" } })).toBe(2);
  });

  it("creates the satisfaction record when GLPI has none, and retries after Retry-After without counting an attempt", async () => {
    await answerReference(null, 2);
    glpi.fail(429, 1, "30");
    await bot.worker.drain();
    const message = await dbOf(bot.ctx.store).outboxMessage.findFirstOrThrow({ where: { kind: "helpdesk.write-back" } });
    expect(message).toMatchObject({ status: "pending", attempts: 0 });
    expect(message.availableAt.getTime()).toBe(clock.now().getTime() + 30_000);
    expect(glpi.satisfactions).toEqual([]);
    clock.advance(30_000);
    await bot.worker.drain();
    expect(glpi.satisfactions).toEqual([{ tickets_id: 1287, type: 1, satisfaction: 3, comment: "", date_answered: "2025-10-16 16:00:00" }]);
  });

  it("writes a private follow-up when GLPI refuses the satisfaction to the API user, and rewrites it without the withdrawn comment", async () => {
    glpi.canWriteSatisfaction = false;
    const answer = await answerReference("Merci <b>Paul</b>");
    await bot.worker.drain();
    expect(glpi.followups).toEqual([{ id: 500, items_id: 1287, is_private: 1, content: "<p>Avis du demandeur, recueilli par Cagnotte</p><p>Note : Efficace (3/3)</p><p>Commentaire :</p><p>Merci &lt;b&gt;Paul&lt;/b&gt;</p>" }]);
    // ERROR_RIGHT_MISSING is a 401 too, but not a dead session: no new sign-in for it.
    expect(glpi.requests.filter((r) => r === "GET initSession")).toHaveLength(1);
    await withdrawComment(bot.ctx, { by: { personId: answer.personId }, answerId: answer.id });
    await bot.worker.drain();
    expect(glpi.followups).toEqual([{ id: 500, items_id: 1287, is_private: 1, content: "<p>Avis du demandeur, recueilli par Cagnotte</p><p>Note : Efficace (3/3)</p><p>Le demandeur a retiré son commentaire.</p>" }]);
  });

  it("connector:check says what works with good tokens, and what is wrong with a bad one (exit code 1)", async () => {
    const good: string[] = [];
    expect(await connectorCheck("glpi", env(), (l) => good.push(l))).toBe(0);
    expect(good.slice(0, -1).every((l) => l.startsWith("✓"))).toBe(true);
    expect(good.join("\n")).toMatch(/API sign-in — session opened/);
    const bad: string[] = [];
    expect(await connectorCheck("glpi", { ...env(), GLPI_USER_TOKEN: "wrong-token" }, (l) => bad.push(l))).toBe(1);
    expect(bad.join("\n")).toMatch(/✗ API sign-in — GLPI refused the tokens .*GLPI_USER_TOKEN/);
    const absent: string[] = [];
    expect(await connectorCheck("glpi", {}, (l) => absent.push(l))).toBe(1);
    expect(absent[0]).toMatch(/✗ glpi connector — not configured.*GLPI_WEBHOOK_SECRET/);
  });
});
