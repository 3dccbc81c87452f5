// The ticket webhook contract (DESIGN.md) on the real HTTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody } from "../../src/adapters/http/signature.js";
import { startTestBot } from "../support/running-bot.js";
import { rowCounts } from "../support/fake-helpdesks/rows.js";

let bot: Awaited<ReturnType<typeof startTestBot>>;
const secret = "test-webhook-secret";

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => bot.stop());

const event = {
  source: "glpi",
  ticketId: "4242",
  title: "Imprimante en panne",
  kind: "incident",
  // Now, on the system clock: a fixed date would fall past its survey's deadline one day (closed-too-long-ago).
  closedAt: new Date().toISOString(),
  requester: { email: "marie@client.example", name: "Marie" },
  technician: { email: "camille@esn.example", name: "Camille" },
  client: { id: "client-7", name: "Client SA" },
};

function post(body: string | Buffer, headers: Record<string, string> = { "x-signature-256": signBody(secret, body) }) {
  return fetch(`${bot.url}/webhooks/tickets`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

describe("POST /webhooks/tickets", () => {
  it("answers 202 with a survey id and URL, then 200 ignored for the same ticket", async () => {
    const body = JSON.stringify(event);
    const first = await post(body);
    expect(first.status).toBe(202);
    const json = (await first.json()) as { surveyId: string; surveyUrl: string };
    expect(json.surveyId).toMatch(/^[0-9a-f-]{36}$/);
    expect(json.surveyUrl).toMatch(/^http:\/\/localhost:\d+\/s\/[\w-]+$/);
    const again = await post(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "ignored", reason: "duplicate" });
  });

  it("answers 200 ignored for a request", async () => {
    const res = await post(JSON.stringify({ ...event, ticketId: "4243", kind: "request" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ignored", reason: "kind-not-surveyed" });
  });

  it("writes nothing on 401, 400 and 413", async () => {
    const before = await rowCounts(bot.ctx.store);
    const body = JSON.stringify({ ...event, ticketId: "5000" });
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, { "x-signature-256": signBody("wrong-secret", body) })).status).toBe(401);
    expect((await post(body, { "x-signature-256": "sha256=zz" })).status).toBe(401);

    const noEmail = JSON.stringify({ ...event, ticketId: "5001", requester: { name: "Marie" } });
    const bad = await post(noEmail);
    expect(bad.status).toBe(400);
    const badJson = (await bad.json()) as { fields: { field: string }[] };
    expect(badJson.fields.map((f) => f.field)).toContain("requester.email");

    const notJson = await post("{not json");
    expect(notJson.status).toBe(400);

    const big = JSON.stringify({ ...event, ticketId: "5002", title: "x".repeat(100 * 1024) });
    const tooBig = await post(big);
    expect(tooBig.status).toBe(413);
    expect(await rowCounts(bot.ctx.store)).toEqual(before);
  });

  it("names every failing field", async () => {
    const res = await post(JSON.stringify({ ticketId: "", kind: "incident", closedAt: "yesterday", requester: { email: "nope" }, technician: {}, client: {} }));
    expect(res.status).toBe(400);
    const fields = ((await res.json()) as { fields: { field: string }[] }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(["ticketId", "closedAt", "requester.email", "technician.email", "client.id"]));
  });
});

describe("health and public figures", () => {
  it("GET /healthz answers 200 while the database answers", async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", database: "sqlite" });
  });

  it("GET /api/pot gives figures without personal data", async () => {
    const res = await fetch(`${bot.url}/api/pot`);
    expect(res.status).toBe(200);
    const pot = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(pot).sort()).toEqual(["amount", "amountCents", "answers", "campaign", "charity", "count", "currency", "daysLeft", "open"]);
    expect(JSON.stringify(pot)).not.toMatch(/@/);
  });

  it("answers 404 in JSON for unknown paths", async () => {
    const res = await fetch(`${bot.url}/nope`);
    expect(res.status).toBe(404);
  });
});
