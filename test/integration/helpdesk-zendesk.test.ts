// Zendesk: the reference payloads (trigger body and ticket.status_changed event) signed with the
// reference vectors, against the real HTTP app, the real store and a fake Zendesk API.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { zendeskConnector } from "../../src/adapters/helpdesks/zendesk/index.js";
import { zendeskSignature } from "../../src/adapters/helpdesks/zendesk/signature.js";
import { loadConfig } from "../../src/config.js";
import type { HelpdeskConnector } from "../../src/adapters/helpdesks/connector.js";
import type { WriteBackAnswer } from "../../src/ports/helpdesk.js";
import { serveConnector } from "../support/fake-helpdesks/mount.js";
import { rowCounts, ticketRow, dbOf } from "../support/fake-helpdesks/rows.js";
import { FakeZendesk } from "../support/fake-helpdesks/zendesk.js";
import { startTestBot } from "../support/running-bot.js";

const fixtures = join(import.meta.dirname, "../fixtures/helpdesks");
const fixture = (name: string) => readFileSync(join(fixtures, name));
const vectors = JSON.parse(fixture("signature-vectors.json").toString()) as { provider: string; body_file?: string; secret: string; timestamp: string; headers: Record<string, string> }[];
const vectorOf = (file: string) => vectors.find((v) => v.provider === "zendesk" && v.body_file === file)!;

const TRIGGER = "zendesk-trigger-body.json";
const EVENT = "zendesk-event-status-changed.json";
const SECRET = vectorOf(TRIGGER).secret;

let now = new Date("2025-10-16T15:05:20Z");
const clock = { now: () => now };
let fake: FakeZendesk;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let connector: HelpdeskConnector;
let endpoint: { url: string; stop(): Promise<void> };

function env(api: { email: string; token: string }) {
  return { ZENDESK_WEBHOOK_SECRET: SECRET, ZENDESK_URL: fake.url, ZENDESK_EMAIL: api.email, ZENDESK_API_TOKEN: api.token };
}

function post(body: Buffer | string, headers: Record<string, string>) {
  return fetch(endpoint.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

/** The fixture with the reference vector's own headers. */
function postReference(file: string) {
  const v = vectorOf(file);
  return post(fixture(file), v.headers);
}

/** Any body, signed now with the secret (for variations of the reference payloads). */
function postSigned(body: unknown) {
  const raw = Buffer.from(JSON.stringify(body));
  const timestamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  return post(raw, { "x-zendesk-webhook-signature": zendeskSignature(SECRET, timestamp, raw), "x-zendesk-webhook-signature-timestamp": timestamp });
}

const eventJson = () => JSON.parse(fixture(EVENT).toString()) as { detail: Record<string, unknown>; event: Record<string, unknown>; type: string };
const triggerJson = () => JSON.parse(fixture(TRIGGER).toString()) as Record<string, string>;

beforeAll(async () => {
  fake = await new FakeZendesk().start();
  fake.users.set(25011836572177, { id: 25011836572177, name: "Maria Garcia", email: "maria.garcia@example.com", role: "end-user", organization_id: 25011836571025 });
  fake.users.set(25011836574993, { id: 25011836574993, name: "Sam Okafor", email: "sam.okafor@example.org", role: "agent" });
  fake.organizations.set(25011836571025, { id: 25011836571025, name: "Example Logistics" });
  bot = await startTestBot(env(fake.agent), { clock });
  connector = zendeskConnector(bot.ctx, { ...loadConfig(env(fake.agent)), writeBack: "on" })!;
  endpoint = await serveConnector(bot.ctx, "zendesk", connector);
});

afterAll(async () => {
  await endpoint?.stop();
  await bot?.stop();
  await fake?.stop();
});

beforeEach(() => {
  now = new Date("2025-10-16T15:05:20Z");
});

describe("Zendesk signature", () => {
  it("matches the reference vectors: base64 HMAC-SHA256 of timestamp + body, the secret used as typed", () => {
    for (const file of [TRIGGER, EVENT]) {
      const v = vectorOf(file);
      expect(zendeskSignature(v.secret, v.timestamp, fixture(file))).toBe(v.headers["X-Zendesk-Webhook-Signature"]);
    }
  });
});

describe("POST /webhooks/zendesk", () => {
  it("refuses a wrong, missing or stale signature with 401 and writes nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    const v = vectorOf(EVENT);
    const wrong = await post(fixture(EVENT), { ...v.headers, "X-Zendesk-Webhook-Signature": zendeskSignature("another-secret", v.timestamp, fixture(EVENT)) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toBe("unauthenticated");
    expect((await post(fixture(EVENT), { "X-Zendesk-Webhook-Signature-Timestamp": v.timestamp })).status).toBe(401);
    expect((await post(fixture(EVENT), {})).status).toBe(401);
    // The right signature over other bytes (one space added) is refused too.
    expect((await post(Buffer.concat([fixture(EVENT), Buffer.from(" ")]), v.headers)).status).toBe(401);
    now = new Date("2025-10-16T15:11:00Z"); // more than 5 minutes after the signed timestamp
    const stale = await postReference(EVENT);
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { message: string }).message).toMatch(/timestamp/);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("schedules one survey from the status-changed event, with the e-mails and the organisation read from the API", async () => {
    const res = await postReference(EVENT);
    expect(res.status).toBe(202);
    const ticket = await ticketRow(bot.ctx.store, "zendesk", "4821");
    expect(ticket).toMatchObject({ kind: "incident", title: "VPN disconnects every 10 minutes", closedAt: new Date("2025-10-16T15:05:13Z") });
    expect(ticket!.requester).toMatchObject({ email: "maria.garcia@example.com", name: "Maria Garcia" });
    expect(ticket!.technician).toMatchObject({ email: "sam.okafor@example.org", name: "Sam Okafor" });
    expect(ticket!.client).toMatchObject({ externalId: "zendesk:25011836571025", name: "Example Logistics" });
    expect(ticket!.survey).not.toBeNull();
    const auth = `Basic ${Buffer.from("cagnotte-bot@esn.example/token:zendesk-api-token").toString("base64")}`;
    expect(fake.requests.filter((r) => r.method === "GET").map((r) => [r.path, r.authorization])).toEqual([
      ["/api/v2/users/25011836572177", auth],
      ["/api/v2/users/25011836574993", auth],
      ["/api/v2/organizations/25011836571025", auth],
    ]);
  });

  it("answers the same ticket again (the same event, then the trigger body) with 200 duplicate and keeps one survey", async () => {
    const before = await rowCounts(bot.ctx.store);
    const again = await postReference(EVENT);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ignored", reason: "duplicate" });
    const trigger = await postReference(TRIGGER);
    expect(trigger.status).toBe(200);
    expect(await trigger.json()).toEqual({ status: "ignored", reason: "duplicate" });
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect(await dbOf(bot.ctx.store).ticket.count({ where: { source: "zendesk", externalId: "4821" } })).toBe(1);
  });

  it("maps a trigger body without any API call: e-mails, names, organisation, type and date from the placeholders", async () => {
    const calls = fake.requests.length;
    const res = await postSigned({ ...triggerJson(), ticket_id: "4822", ticket_type: "Question" });
    expect(res.status).toBe(200); // a question is a request, not surveyed by default
    expect(await res.json()).toEqual({ status: "ignored", reason: "kind-not-surveyed" });
    const incident = await postSigned({ ...triggerJson(), ticket_id: "4823", status: "Closed" });
    expect(incident.status).toBe(202);
    const ticket = await ticketRow(bot.ctx.store, "zendesk", "4823");
    expect(ticket).toMatchObject({ kind: "incident", closedAt: new Date("2025-10-16T15:05:00Z") });
    expect(ticket!.requester.email).toBe("maria.garcia@example.com");
    expect(ticket!.technician.email).toBe("sam.okafor@example.org");
    expect(ticket!.client).toMatchObject({ externalId: "zendesk:Example Logistics", name: "Example Logistics" });
    expect(fake.requests.length).toBe(calls);
  });

  it("ignores a closure whose e-mail is not an address, as the generic webhook would refuse it, and writes nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    for (const [id, field, reason] of [["4825", "requester_email", "requester-email-unknown"], ["4826", "assignee_email", "technician-email-unknown"]] as const) {
      const res = await postSigned({ ...triggerJson(), ticket_id: id, status: "Closed", [field]: "maria.garcia(at)example.com" });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ignored", reason });
    }
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("ignores what is not a closure with 200 and the reason", async () => {
    const before = await rowCounts(bot.ctx.store);
    const open = eventJson();
    open.detail.id = "4830";
    open.event.current = "PENDING";
    expect(await (await postSigned(open)).json()).toEqual({ status: "ignored", reason: "not-solved-or-closed" });
    const other = { ...eventJson(), type: "zen:event-type:ticket.priority_changed" };
    expect(await (await postSigned(other)).json()).toEqual({ status: "ignored", reason: "not-a-status-change" });
    const trigger = await postSigned({ ...triggerJson(), ticket_id: "4831", status: "Open" });
    expect(trigger.status).toBe(200);
    expect(await trigger.json()).toEqual({ status: "ignored", reason: "not-solved-or-closed" });
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("ignores a closure whose requester Zendesk does not know (200, reason), and asks for a retry while the API fails (503)", async () => {
    const before = await rowCounts(bot.ctx.store);
    const unknown = eventJson();
    unknown.detail.id = "4840";
    unknown.detail.requester_id = "404404";
    const res = await postSigned(unknown);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ignored", reason: "requester-email-unknown" });

    const later = eventJson();
    later.detail.id = "4841";
    later.detail.assignee_id = "25011836574994";
    fake.users.set(25011836574994, { id: 25011836574994, name: "Lee Chen", email: "lee.chen@example.org", role: "agent" });
    fake.failNext({ status: 429, retryAfter: "17", match: /users\/25011836574994/ });
    const limited = await postSigned(later);
    expect(limited.status).toBe(503);
    expect(limited.headers.get("retry-after")).toBe("17");
    fake.failNext({ status: 500, match: /users\/25011836574994/ });
    expect((await postSigned(later)).status).toBe(503);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    // Zendesk delivers again: it works now.
    expect((await postSigned(later)).status).toBe(202);
    expect((await ticketRow(bot.ctx.store, "zendesk", "4841"))!.technician.email).toBe("lee.chen@example.org");
  });

  it("answers 400 to a signed body that is not JSON or lacks the ticket id, writing nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    const { ticket_id: _, ...noId } = triggerJson();
    const res = await postSigned(noId);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { fields: string[] }).fields).toContain("ticket_id");
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("is not built without ZENDESK_WEBHOOK_SECRET, and writes back only when CAGNOTTE_WRITE_BACK names it", () => {
    expect(zendeskConnector(bot.ctx, loadConfig({}))).toBeNull();
    expect(zendeskConnector(bot.ctx, { ...loadConfig(env(fake.agent)), writeBack: "off" })!.helpdesk.writeBack).toBeNull();
    expect(zendeskConnector(bot.ctx, { ...loadConfig(env(fake.agent)), writeBack: ["glpi"] })!.helpdesk.writeBack).toBeNull();
    expect(zendeskConnector(bot.ctx, { ...loadConfig(env(fake.agent)), writeBack: ["glpi", "zendesk"] })!.helpdesk.writeBack).not.toBeNull();
    // On, but without the API there is nothing to write with.
    expect(zendeskConnector(bot.ctx, { ...loadConfig({ ZENDESK_WEBHOOK_SECRET: SECRET }), writeBack: "on" })!.helpdesk.writeBack).toBeNull();
  });
});

describe("Zendesk write-back (private note)", () => {
  const answer = (ticketId: string, previousRef: string | null, comment: string | null): WriteBackAnswer => ({
    answerId: "answer-1",
    ticketId,
    rating: 3,
    ratingScale: 3,
    ratingLabel: "Efficace",
    comment,
    requesterEmail: "maria.garcia@example.com",
    answeredAt: new Date("2025-10-17T09:00:00Z"),
    locale: "fr",
    previousRef,
  });

  beforeAll(() => {
    fake.tickets.set(4821, { id: 4821, status: "solved", requester_id: 25011836572177, assignee_id: 25011836574993, organization_id: 25011836571025, comments: [] });
    fake.tickets.set(4900, { id: 4900, status: "closed", requester_id: 25011836572177, assignee_id: 25011836574993, organization_id: null, comments: [] });
  });

  it("records the rating and comment as a private note, then redacts it on withdrawal and keeps the rating in a new note", async () => {
    const writeBack = connector.helpdesk.writeBack!;
    const done = await writeBack.record(answer("4821", null, "Très rapide, merci <b>Sam</b> !"));
    expect(done.status).toBe("done");
    const [note] = fake.privateComments(4821);
    expect(done).toEqual({ status: "done", ref: String(note!.id) });
    expect(note!.body).toContain("Note : Efficace (3/3)");
    expect(note!.body).toContain("Très rapide, merci <b>Sam</b> !");

    const withdrawn = await writeBack.withdraw(answer("4821", String(note!.id), null));
    expect(withdrawn.status).toBe("done");
    const [redacted, after] = fake.privateComments(4821);
    expect(redacted!.body).not.toMatch(/[A-Za-z]/); // every word replaced by ▇
    expect(redacted!.body).toContain("▇");
    expect(after!.body).toContain("Note : Efficace (3/3)");
    expect(after!.body).toContain("Le demandeur a retiré son commentaire.");
    expect(withdrawn).toEqual({ status: "done", ref: String(after!.id) });
  });

  it("returns a retry after Retry-After on 429 (rate limited, so not a failed attempt), then writes once", async () => {
    const writeBack = connector.helpdesk.writeBack!;
    const count = fake.privateComments(4821).length;
    fake.failNext({ status: 429, retryAfter: "7", match: /PUT \/api\/v2\/tickets\/4821/ });
    expect(await writeBack.record(answer("4821", null, "Bien"))).toEqual({ status: "retry", error: expect.any(String), retryAfterMs: 7000, rateLimited: true });
    expect(fake.privateComments(4821).length).toBe(count);
    expect((await writeBack.record(answer("4821", null, "Bien"))).status).toBe("done");
    expect(fake.privateComments(4821).length).toBe(count + 1);
  });

  it("fails for good on a closed ticket (Zendesk refuses updates), and a 404 ticket; retries a 500", async () => {
    const writeBack = connector.helpdesk.writeBack!;
    expect((await writeBack.record(answer("4900", null, "Bien"))).status).toBe("failed");
    expect((await writeBack.record(answer("999999", null, "Bien"))).status).toBe("failed");
    fake.failNext({ status: 500, match: /PUT \/api\/v2\/tickets\/4821/ });
    expect((await writeBack.record(answer("4821", null, "Bien"))).status).toBe("retry");
  });
});

describe("Zendesk connector check", () => {
  it("says every line is fine with good settings", async () => {
    const lines = await connector.helpdesk.check();
    expect(lines.map((l) => l.what)).toEqual(["webhook", "API sign-in", "e-mail look-up", "write-back", "survey link"]);
    expect(lines.every((l) => l.ok)).toBe(true);
  });

  it("says plainly that a wrong token is refused", async () => {
    const bad = zendeskConnector(bot.ctx, loadConfig(env({ email: fake.agent.email, token: "wrong-token" })))!;
    const lines = await bad.helpdesk.check();
    const signIn = lines.find((l) => l.what === "API sign-in")!;
    expect(signIn.ok).toBe(false);
    expect(signIn.detail).toMatch(/refused ZENDESK_EMAIL with ZENDESK_API_TOKEN \(HTTP 401\)/);
  });
});
