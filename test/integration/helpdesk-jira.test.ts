// Jira Cloud / Service Management's admin webhook against the real HTTP app, with a fake Jira REST
// API: the reference payload signed with the reference vector schedules one survey (the assignee's
// hidden e-mail looked up by account id); wrong or missing signatures write nothing; a repeated
// X-Atlassian-Webhook-Identifier is a duplicate; write-back is an internal comment, deleted when
// the comment is withdrawn; connector:check says what works.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { withdrawComment } from "../../src/app/withdraw-comment.js";
import { connectorCheck } from "../../src/cli/connector-check.js";
import { readJiraDelivery } from "../../src/adapters/helpdesks/jira/payload.js";
import { FakeJira } from "../support/fake-helpdesks/jira.js";
import { dbOf, rowCounts } from "../support/fake-helpdesks/rows.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";

const fixtures = join(import.meta.dirname, "../fixtures/helpdesks");
const resolved = readFileSync(join(fixtures, "jira-issue-resolved.json"));
const vectors = JSON.parse(readFileSync(join(fixtures, "signature-vectors.json"), "utf8")) as { body_file?: string; secret: string; headers?: Record<string, string> }[];
const vector = vectors.find((v) => v.body_file === "jira-issue-resolved.json")!;
const SECRET = vector.secret;

describe("Jira webhook", () => {
  let jira: FakeJira;
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  const clock = new FixedClock(new Date("2025-10-16T16:00:00Z"));
  // The reference issue is a service request: surveyed here along with incidents.
  const env = () => ({ JIRA_WEBHOOK_SECRET: SECRET, JIRA_URL: jira.url, JIRA_EMAIL: jira.email, JIRA_API_TOKEN: jira.apiToken, CAGNOTTE_WRITE_BACK: "on", CAGNOTTE_SURVEYED_KINDS: "incident,request" });

  beforeEach(async () => {
    clock.set("2025-10-16T16:00:00Z");
    jira = await new FakeJira().start();
    bot = await startTestBot(env(), { clock });
  });
  afterEach(async () => {
    await bot.stop();
    await jira.stop();
  });

  const post = (body: Buffer | string, headers: Record<string, string>) => fetch(`${bot.url}/webhooks/jira`, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  const deliver = (identifier: string, body: Buffer | string = resolved) =>
    post(body, { "X-Hub-Signature": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`, "X-Atlassian-Webhook-Identifier": identifier });

  it("schedules one survey for the reference payload signed as Jira does, with the hidden e-mail from the API", async () => {
    const res = await post(resolved, { ...vector.headers, "X-Atlassian-Webhook-Identifier": "wh-1" });
    expect(res.status).toBe(202);
    const ticket = await dbOf(bot.ctx.store).ticket.findFirstOrThrow({ include: { requester: true, technician: true, client: true } });
    expect(ticket).toMatchObject({ source: "jira", externalId: "ITHD-212", kind: "request", title: "VPN disconnects every 10 minutes" });
    expect(ticket.closedAt.toISOString()).toBe("2025-10-16T15:05:13.896Z");
    expect(ticket.requester).toMatchObject({ email: "julie.dupont@example.com", name: "Julie Dupont" });
    expect(ticket.technician).toMatchObject({ email: "paul.martin@esn.example", name: "Paul Martin" });
    expect(ticket.client).toMatchObject({ externalId: "jira:project:ITHD", name: "IT Help Desk" });
    expect(await dbOf(bot.ctx.store).survey.count()).toBe(1);
    // The reporter's e-mail was in the payload: only the assignee was looked up.
    expect(jira.requests).toEqual(["GET /rest/api/3/user?accountId=712020%3A5b1e9c3a-7d24-4f6e-a0c8-2e9d41b7f3a6"]);
  });

  it("answers a repeated delivery identifier as a duplicate delivery, and another delivery of the same issue as a duplicate", async () => {
    expect((await deliver("wh-1")).status).toBe(202);
    const again = await deliver("wh-1");
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ignored", reason: "duplicate delivery" });
    const other = await deliver("wh-2");
    expect(await other.json()).toEqual({ status: "ignored", reason: "duplicate" });
    expect(await dbOf(bot.ctx.store).survey.count()).toBe(1);
  });

  it("refuses a wrong or missing signature with 401 and writes nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    const wrong = await post(resolved, { "X-Hub-Signature": `sha256=${"0".repeat(64)}`, "X-Atlassian-Webhook-Identifier": "wh-9" });
    const tampered = await post(resolved.toString().replace("Paul Martin", "Mallory"), { ...vector.headers, "X-Atlassian-Webhook-Identifier": "wh-10" });
    const missing = await post(resolved, { "X-Atlassian-Webhook-Identifier": "wh-11" });
    for (const res of [wrong, tampered, missing]) {
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthenticated" });
    }
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect(jira.requests).toEqual([]);
  });

  it("ignores updates that are not a resolution, with the reason, and a technician whose e-mail Jira hides", async () => {
    const json = JSON.parse(resolved.toString()) as { changelog: { items: { field: string }[] }; issue: { fields: { resolution: unknown } }; webhookEvent: string };
    const edited = { ...json, changelog: { ...json.changelog, items: json.changelog.items.filter((i) => i.field !== "status") } };
    expect(await (await deliver("wh-1", JSON.stringify(edited))).json()).toEqual({ status: "ignored", reason: "not-a-closure: the status did not change" });
    const unresolved = { ...json, issue: { ...json.issue, fields: { ...json.issue.fields, resolution: null } } };
    expect(await (await deliver("wh-2", JSON.stringify(unresolved))).json()).toEqual({ status: "ignored", reason: "not-a-closure: no resolution" });
    expect(await (await deliver("wh-3", JSON.stringify({ ...json, webhookEvent: "jira:issue_created" }))).json()).toEqual({ status: "ignored", reason: "not-a-closure: event jira:issue_created" });
    jira.users.set("712020:5b1e9c3a-7d24-4f6e-a0c8-2e9d41b7f3a6", null);
    expect(await (await deliver("wh-4")).json()).toEqual({ status: "ignored", reason: "technician-email-unknown" });
    expect(await dbOf(bot.ctx.store).ticket.count()).toBe(0);
  });

  it("answers 503 while Jira's API is down and handles Jira's retry of the same delivery", async () => {
    const before = await rowCounts(bot.ctx.store);
    jira.fail(500);
    expect((await deliver("wh-1")).status).toBe(503);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect((await deliver("wh-1")).status).toBe(202);
  });

  it("writes the answer as an internal comment, retries after a 429 without counting, and deletes it when the comment is withdrawn", async () => {
    expect((await deliver("wh-1")).status).toBe(202);
    const survey = await dbOf(bot.ctx.store).survey.findFirstOrThrow();
    const answered = await answerSurvey(bot.ctx, { surveyId: survey.id, answerer: { surveyToken: survey.token }, rating: 3, comment: "Réglé en <10 min>" });
    if (!answered.ok) throw new Error("not answered");
    jira.fail(429, 1, "20");
    await bot.worker.drain();
    expect(jira.comments).toEqual([]);
    expect(await dbOf(bot.ctx.store).outboxMessage.findFirstOrThrow({ where: { kind: "helpdesk.write-back" } })).toMatchObject({ status: "pending", attempts: 0 });
    clock.advance(20_000);
    await bot.worker.drain();
    expect(jira.comments).toEqual([
      {
        id: "10100",
        issue: "ITHD-212",
        properties: [{ key: "sd.public.comment", value: { internal: true } }],
        body: {
          type: "doc",
          version: 1,
          content: ["Avis du demandeur, recueilli par Cagnotte", "Note : Efficace (3/3)", "Commentaire :", "Réglé en <10 min>"].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
        },
      },
    ]);
    await withdrawComment(bot.ctx, { by: { personId: answered.answer.personId }, answerId: answered.answer.id });
    await bot.worker.drain();
    expect(jira.comments).toEqual([]);
    expect(jira.requests.at(-1)).toBe("DELETE /rest/api/3/issue/ITHD-212/comment/10100");
  });

  it("connector:check says what works with good settings, and what is wrong with a bad token (exit code 1)", async () => {
    const good: string[] = [];
    expect(await connectorCheck("jira", env(), (l) => good.push(l))).toBe(0);
    expect(good.join("\n")).toMatch(/✓ API sign-in — signed in as Cagnotte bot/);
    expect(good.join("\n")).toMatch(/✓ write-back — on/);
    const bad: string[] = [];
    expect(await connectorCheck("jira", { ...env(), JIRA_API_TOKEN: "revoked" }, (l) => bad.push(l))).toBe(1);
    expect(bad.join("\n")).toMatch(/✗ API sign-in — Jira refused the account \(Jira's API answered HTTP 401.*check JIRA_EMAIL and JIRA_API_TOKEN/);
    jira.permissions.delete("DELETE_OWN_COMMENTS");
    const lacking: string[] = [];
    expect(await connectorCheck("jira", env(), (l) => lacking.push(l))).toBe(1);
    expect(lacking.join("\n")).toMatch(/✗ write-back — the account lacks DELETE_OWN_COMMENTS/);
  });
});

describe("Jira payload", () => {
  it("takes the client from the Service Management organization field when one is set, else the project; the issue type gives the kind", () => {
    const json = JSON.parse(resolved.toString()) as { issue: { fields: Record<string, unknown> } };
    json.issue.fields.customfield_10002 = [{ id: 4, name: "Example Corp" }];
    expect(readJiraDelivery(json, "customfield_10002")).toMatchObject({ kind: "closure", closure: { client: { id: "jira:org:4", name: "Example Corp" }, kind: "request" } });
    expect(readJiraDelivery(json, null)).toMatchObject({ closure: { client: { id: "jira:project:ITHD", name: "IT Help Desk" } } });
    json.issue.fields.issuetype = { name: "Incident" };
    expect(readJiraDelivery(json, null)).toMatchObject({ closure: { kind: "incident" } });
    json.issue.fields.issuetype = { name: "Problem" };
    expect(readJiraDelivery(json, null)).toMatchObject({ closure: { kind: "problem" } });
  });
});
