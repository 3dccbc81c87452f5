// Freshdesk: the reference "Trigger webhook" body with HTTP Basic credentials, against the real
// HTTP app, the real store and a fake Freshdesk API.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshdeskConnector } from "../../src/adapters/helpdesks/freshdesk/index.js";
import { loadConfig } from "../../src/config.js";
import type { HelpdeskConnector } from "../../src/adapters/helpdesks/connector.js";
import type { WriteBackAnswer } from "../../src/ports/helpdesk.js";
import { FakeFreshdesk } from "../support/fake-helpdesks/freshdesk.js";
import { serveConnector } from "../support/fake-helpdesks/mount.js";
import { dbOf, rowCounts, ticketRow } from "../support/fake-helpdesks/rows.js";
import { startTestBot } from "../support/running-bot.js";

const fixtures = join(import.meta.dirname, "../fixtures/helpdesks");
const BODY = readFileSync(join(fixtures, "freshdesk-automation-body.json"));
const vector = (JSON.parse(readFileSync(join(fixtures, "signature-vectors.json"), "utf8")) as { provider: string; example_basic_auth?: { username: string; password: string; header: string } }[]).find(
  (v) => v.provider === "freshdesk",
)!.example_basic_auth!;
const AUTH = vector.header.replace(/^Authorization:\s*/, "");

const now = new Date("2026-03-10T10:00:00Z");
let fake: FakeFreshdesk;
let bot: Awaited<ReturnType<typeof startTestBot>>;
let connector: HelpdeskConnector;
let endpoint: { url: string; stop(): Promise<void> };

const env = (apiKey: string) => ({ FRESHDESK_WEBHOOK_USER: vector.username, FRESHDESK_WEBHOOK_PASSWORD: vector.password, FRESHDESK_URL: fake.url, FRESHDESK_API_KEY: apiKey });

function post(body: Buffer | string, authorization: string | null = AUTH) {
  return fetch(endpoint.url, { method: "POST", headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) }, body });
}

const bodyWith = (fields: Record<string, string>) => {
  const json = JSON.parse(BODY.toString()) as { freshdesk_webhook: Record<string, string> };
  return JSON.stringify({ freshdesk_webhook: { ...json.freshdesk_webhook, ...fields } });
};

beforeAll(async () => {
  fake = await new FakeFreshdesk().start();
  bot = await startTestBot(env(fake.agent.apiKey), { clock: { now: () => now } });
  connector = freshdeskConnector(bot.ctx, { ...loadConfig(env(fake.agent.apiKey)), writeBack: ["freshdesk"] })!;
  endpoint = await serveConnector(bot.ctx, "freshdesk", connector);
});

afterAll(async () => {
  await endpoint?.stop();
  await bot?.stop();
  await fake?.stop();
});

describe("POST /webhooks/freshdesk", () => {
  it("refuses wrong or missing credentials with 401 and WWW-Authenticate, writing nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
    for (const authorization of [null, basic(vector.username, "wrong-password"), basic("someone@example.com", vector.password), basic(vector.username, `${vector.password}x`), "Bearer abc"]) {
      const res = await post(BODY, authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    }
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("schedules one survey from the reference body, mapped to the requester, agent, company and kind", async () => {
    const res = await post(BODY);
    expect(res.status).toBe(202);
    const ticket = await ticketRow(bot.ctx.store, "freshdesk", "3317");
    expect(ticket).toMatchObject({ kind: "incident", title: "Invoice PDF is blank", closedAt: now });
    expect(ticket!.requester.email).toBe("li.wei@example.com");
    expect(ticket!.technician.email).toBe("nora.lind@example.net");
    expect(ticket!.client).toMatchObject({ externalId: "freshdesk:Example Retail AB", name: "Example Retail AB" });
    expect(ticket!.survey).not.toBeNull();
    // Everything was in the body: no API call.
    expect(fake.requests).toEqual([]);
  });

  it("keeps one survey when the delivery repeats, and when Resolved then Closed both arrive", async () => {
    const again = await post(BODY);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ignored", reason: "duplicate" });
    expect((await post(bodyWith({ ticket_id: "3318", triggered_event: "{status:{from:2,to:4}}", ticket_status: "Resolved" }))).status).toBe(202);
    const closed = await post(bodyWith({ ticket_id: "3318", triggered_event: "{status:{from:4,to:5}}", ticket_status: "Closed" }));
    expect(await closed.json()).toEqual({ status: "ignored", reason: "duplicate" });
    expect(await dbOf(bot.ctx.store).ticket.count({ where: { source: "freshdesk" } })).toBe(2);
  });

  it("ignores what is not a closure with 200 and the reason", async () => {
    const before = await rowCounts(bot.ctx.store);
    expect(await (await post(bodyWith({ ticket_id: "3320", triggered_event: "{status:{from:2,to:3}}", ticket_status: "Pending" }))).json()).toEqual({ status: "ignored", reason: "not-resolved-or-closed" });
    expect(await (await post(bodyWith({ ticket_id: "3321", triggered_event: "{ticket_action:created}" }))).json()).toEqual({ status: "ignored", reason: "not-a-status-change" });
    // Without triggered_event, the status name decides.
    expect(await (await post(bodyWith({ ticket_id: "3322", triggered_event: "", ticket_status: "Open" }))).json()).toEqual({ status: "ignored", reason: "not-resolved-or-closed" });
    expect(await (await post(bodyWith({ ticket_id: "3323", ticket_type: "Feature Request" }))).json()).toEqual({ status: "ignored", reason: "kind-not-surveyed" });
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("finds a missing agent e-mail through the API, ignores the closure when there is none, and answers 503 while the API is rate limited", async () => {
    fake.tickets.set(3330, { id: 3330, status: 5, requester_id: 801, responder_id: 802, company_id: null });
    fake.agents.set(802, { id: 802, contact: { name: "Omar Haddad", email: "omar.haddad@example.net" } });
    fake.tickets.set(3331, { id: 3331, status: 5, requester_id: 801, responder_id: null, company_id: null });
    const before = await rowCounts(bot.ctx.store);
    fake.failNext({ status: 429, retryAfter: "30", match: /tickets\/3330/ });
    const limited = await post(bodyWith({ ticket_id: "3330", agent_email: "" }));
    expect(limited.status).toBe(503);
    expect(limited.headers.get("retry-after")).toBe("30");
    const none = await post(bodyWith({ ticket_id: "3331", agent_email: "" }));
    expect(await none.json()).toEqual({ status: "ignored", reason: "technician-email-unknown" });
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
    expect((await post(bodyWith({ ticket_id: "3330", agent_email: "" }))).status).toBe(202);
    expect((await ticketRow(bot.ctx.store, "freshdesk", "3330"))!.technician).toMatchObject({ email: "omar.haddad@example.net", name: "Omar Haddad" });
  });

  it("answers 400 to a body that is not JSON, writing nothing", async () => {
    const before = await rowCounts(bot.ctx.store);
    expect((await post("ticket_id=1&status=Closed")).status).toBe(400);
    expect((await post(JSON.stringify({ freshdesk_webhook: { ticket_status: "Closed" } }))).status).toBe(400);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("is not built without the webhook credentials, and writes back only when CAGNOTTE_WRITE_BACK names it", () => {
    expect(freshdeskConnector(bot.ctx, loadConfig({}))).toBeNull();
    expect(freshdeskConnector(bot.ctx, loadConfig(env(fake.agent.apiKey)))!.helpdesk.writeBack).toBeNull();
    expect(freshdeskConnector(bot.ctx, { ...loadConfig(env(fake.agent.apiKey)), writeBack: "on" })!.helpdesk.writeBack).not.toBeNull();
  });
});

describe("Freshdesk write-back (private note)", () => {
  const answer = (previousRef: string | null, comment: string | null): WriteBackAnswer => ({
    answerId: "answer-2",
    ticketId: "3317",
    rating: 2,
    ratingScale: 3,
    ratingLabel: "Correct",
    comment,
    requesterEmail: "li.wei@example.com",
    answeredAt: new Date("2026-03-11T09:00:00Z"),
    locale: "en",
    previousRef,
  });

  beforeAll(() => {
    fake.tickets.set(3317, { id: 3317, status: 5, requester_id: 801, responder_id: 802, company_id: null });
  });

  it("records a private note with the escaped comment, and withdrawal edits it down to the rating", async () => {
    const writeBack = connector.helpdesk.writeBack!;
    const done = await writeBack.record(answer(null, "Fine, but <script>alert(1)</script> & slow"));
    const [note] = fake.notesOn(3317);
    expect(done).toEqual({ status: "done", ref: String(note!.id) });
    expect(note!.private).toBe(true);
    expect(note!.body).toContain("Rating: Correct (2/3)");
    expect(note!.body).toContain("Fine, but &lt;script&gt;alert(1)&lt;/script&gt; &amp; slow");
    expect(note!.body).not.toContain("<script>");
    const withdrawn = await writeBack.withdraw(answer(String(note!.id), null));
    expect(withdrawn).toEqual({ status: "done", ref: String(note!.id) });
    expect(fake.notesOn(3317)).toHaveLength(1);
    expect(fake.notes.get(note!.id)!.body).toContain("Rating: Correct (2/3)");
    expect(fake.notes.get(note!.id)!.body).toContain("The requester withdrew their comment.");
    expect(fake.notes.get(note!.id)!.body).not.toContain("slow");
  });

  it("returns a rate-limited retry on 429, and writes a new note when the old one was deleted", async () => {
    const writeBack = connector.helpdesk.writeBack!;
    fake.failNext({ status: 429, retryAfter: "12", match: /POST \/api\/v2\/tickets\/3317\/notes/ });
    expect(await writeBack.record(answer(null, "Again"))).toEqual({ status: "retry", error: expect.any(String), retryAfterMs: 12_000, rateLimited: true });
    const count = fake.notesOn(3317).length;
    const done = await writeBack.record(answer("123456789", "Again"));
    expect(done.status).toBe("done");
    expect(fake.notesOn(3317).length).toBe(count + 1);
    expect((await writeBack.record(answer(null, "x"))).status).toBe("done");
    expect((await writeBack.record({ ...answer(null, "x"), ticketId: "999" })).status).toBe("failed");
  });
});

describe("Freshdesk connector check", () => {
  it("says every line is fine with a good API key", async () => {
    const lines = await connector.helpdesk.check();
    expect(lines.map((l) => [l.what, l.ok])).toEqual([
      ["webhook", true],
      ["API sign-in", true],
      ["e-mail look-up", true],
      ["write-back", true],
      ["survey link", true],
    ]);
  });

  it("says plainly that a wrong API key is refused", async () => {
    const bad = freshdeskConnector(bot.ctx, loadConfig(env("wrong-key")))!;
    const signIn = (await bad.helpdesk.check()).find((l) => l.what === "API sign-in")!;
    expect(signIn).toMatchObject({ ok: false });
    expect(signIn.detail).toMatch(/refused FRESHDESK_API_KEY \(HTTP 401\)/);
  });
});
