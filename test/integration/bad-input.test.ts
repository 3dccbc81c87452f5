// Issue 12 item 4: over a thousand malformed, oversized, wrongly signed, stale, replayed and wrongly
// typed requests, generated from a seed, to every public endpoint of the running bot (ticket
// webhook, web survey page GET/POST/withdraw, /slack/events, /api/messages, /api/pot,
// /api/campaigns, /reglement, /healthz, /metrics): no 5xx, no forged request let in, no row written
// or changed in any table, and the same process still answers afterwards.
// Replay a failure with BAD_INPUT_SEED=<the seed printed> npx vitest run test/integration/bad-input.test.ts
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signBody } from "../../src/adapters/http/signature.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import type { Logger } from "../../src/ports/logger.js";
import { CATEGORIES, hostileRequests, sendRaw, type HostileFixtures, type HostileRequest, type RawResponse } from "../support/hostile-requests.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { signSlack } from "../support/fake-slack/slack-driver.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook, TEST_WEBHOOK_SECRET } from "../support/webhook.js";

const SEED = Number(process.env.BAD_INPUT_SEED ?? 20261212);
const PER_CATEGORY = 125; // 9 categories: 1,125 requests
const SLACK_SECRET = "bad-input-signing-secret";

let fake: FakeSlack;
let bot: Awaited<ReturnType<typeof startTestBot>>;
const errors: string[] = [];

/** Error lines only: a 5xx that slipped through would say "request failed" here. */
const errorLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (obj, msg) => void errors.push(`${msg ?? ""} ${typeof obj === "string" ? obj : JSON.stringify(obj).slice(0, 300)} ${String((obj as { err?: Error }).err?.stack ?? "").slice(0, 600)}`),
  child: () => errorLogger,
};

const db = () => (bot.ctx.store as unknown as { db: Db }).db;

/** Every table: its row count and a hash of its rows, so an update shows as well as an insert. */
async function snapshot(): Promise<Record<string, { rows: number; hash: string }>> {
  const tables = await db().$queryRawUnsafe<{ name: string }[]>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: Record<string, { rows: number; hash: string }> = {};
  for (const { name } of tables) {
    const rows = await db().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`);
    const lines = rows.map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).sort();
    out[name] = { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16) };
  }
  return out;
}

async function tokenOf(surveyId: string | null): Promise<string> {
  const context = await bot.ctx.store.surveys.findContext(surveyId ?? "");
  if (!context) throw new Error("survey not found");
  return context.survey.token;
}

let fixtures: HostileFixtures;

beforeAll(async () => {
  fake = new FakeSlack("xoxb-bad-input");
  fake.addUser({ id: "UKNOWN", email: "known@client.example", name: "Known" });
  const apiUrl = await fake.start();
  bot = await startTestBot(
    {
      SLACK_BOT_TOKEN: "xoxb-bad-input",
      SLACK_SIGNING_SECRET: SLACK_SECRET,
      SLACK_API_URL: apiUrl,
      // Teams with authentication on, as in production.
      MICROSOFT_APP_ID: "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33",
      MICROSOFT_APP_PASSWORD: "bad-input-password",
      MICROSOFT_APP_TENANT_ID: "tenant-1",
    },
    { logger: errorLogger },
  );
  const person = (n: string) => ({ email: `${n}@client.example`, name: n });
  const technician = { email: "tech@esn.example", name: "Tech" };
  const accepted = { ticketId: "ACCEPTED-1", kind: "incident", closedAt: new Date().toISOString(), requester: person("alice"), technician, client: { id: "c1", name: "Client" } };
  const acceptedTicketBody = JSON.stringify(accepted);
  const first = await fetch(`${bot.url}/webhooks/tickets`, {
    method: "POST",
    body: acceptedTicketBody,
    headers: { "content-type": "application/json", "x-signature-256": signBody(TEST_WEBHOOK_SECRET, acceptedTicketBody) },
  });
  expect(first.status).toBe(202);
  const openToken = await tokenOf(((await first.json()) as { surveyId: string }).surveyId);
  const answered = await closeTicketViaWebhook(bot.url, { ticketId: "ANSWERED-1", requester: person("bob"), technician, client: { id: "c1" } });
  const answeredToken = await tokenOf(answered.surveyId);
  const answeredForm = "rating=3&comment=Merci&share=on";
  const answer = await fetch(`${bot.url}/s/${answeredToken}`, { method: "POST", body: answeredForm, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(answer.status).toBe(200);
  // A signed slash command, answered now; the generated requests replay it byte for byte.
  const slashBody = new URLSearchParams({ command: "/cagnotte", text: "help", user_id: "UKNOWN", user_name: "known", team_id: "T0001", channel_id: "CGENERAL", trigger_id: fake.newTrigger(), response_url: `${fake.url}/response/1` }).toString();
  const slashHeaders = signSlack(SLACK_SECRET, slashBody);
  const slash = await fetch(`${bot.url}/slack/events`, { method: "POST", body: slashBody, headers: { "content-type": "application/x-www-form-urlencoded", ...slashHeaders } });
  expect(slash.status).toBe(200);
  // What a first visit creates (the quarter's campaign) exists before the counts are taken.
  for (const path of ["/api/pot", "/api/campaigns", "/reglement", "/healthz", `/s/${openToken}`]) expect((await fetch(`${bot.url}${path}`)).status).toBe(200);
  fixtures = {
    webhookSecret: TEST_WEBHOOK_SECRET,
    slackSigningSecret: SLACK_SECRET,
    openToken,
    answeredToken,
    acceptedTicketBody,
    slackReplay: { body: slashBody, headers: slashHeaders },
    answeredForm,
    ratingScale: bot.ctx.rules.ratingScale,
  };
});
afterAll(async () => {
  await bot?.stop();
  await fake?.stop();
});

async function sendAll(port: number, requests: HostileRequest[], concurrency = 4): Promise<RawResponse[]> {
  const results: RawResponse[] = new Array(requests.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests.length; i = next++) results[i] = await sendRaw(port, requests[i]!);
    }),
  );
  return results;
}

const countBy = <T>(items: T[], key: (t: T) => string) => items.reduce<Record<string, number>>((acc, t) => ((acc[key(t)] = (acc[key(t)] ?? 0) + 1), acc), {});

describe("bad input on every public endpoint", () => {
  it("answers every generated request without a 5xx, lets no forged one in, writes nothing, and stays up", async () => {
    const requests = hostileRequests(fixtures, SEED, PER_CATEGORY);
    expect(requests.length).toBeGreaterThanOrEqual(1_000);
    const before = await snapshot();
    const port = Number(new URL(bot.url).port);
    const started = Date.now();
    // botbuilder writes each refused token's stack trace to the console: issue 12 item 5, engineer
    // A's ("probe") fix. Counted here rather than printed a few hundred times.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    let consoleErrors = 0;
    const responses = await sendAll(port, requests).finally(() => {
      consoleErrors = consoleError.mock.calls.length;
      consoleError.mockRestore();
    });
    const elapsed = Date.now() - started;
    const after = await snapshot();

    const rows = requests.map((r, i) => ({ ...r, response: responses[i]! }));
    const status = (s: RawResponse) => (s.status === null ? `none (${s.error})` : String(s.status));
    console.log(`bad input: seed ${SEED}, ${requests.length} requests in ${elapsed} ms`);
    console.log("per category:", countBy(rows, (r) => r.category));
    console.log("per endpoint:", countBy(rows, (r) => r.endpoint));
    console.log("per status:", countBy(rows, (r) => status(r.response)));
    console.log("per category and status:", Object.fromEntries(CATEGORIES.map((c) => [c, countBy(rows.filter((r) => r.category === c), (r) => status(r.response))])));
    console.log(`console.error calls (botbuilder): ${consoleErrors}`);
    console.log(`error log lines: ${errors.length}`, [...new Set(errors.map((e) => e.slice(0, 200)))].slice(0, 5));

    const describe = (r: (typeof rows)[number]) => `${r.category} ${r.method} ${r.path.slice(0, 80)} [${r.headers.map(([k]) => k).join(",")}] ${r.body.length} B → ${status(r.response)}`;
    const serverErrors = rows.filter((r) => r.response.status === null || r.response.status >= 500);
    expect(serverErrors.map(describe)).toEqual([]);
    const letIn = rows.filter((r) => r.mustRefuse && r.response.status !== null && (r.response.status < 400 || r.response.status >= 500));
    expect(letIn.map(describe)).toEqual([]);
    expect(errors.filter((e) => /request failed/.test(e))).toEqual([]);
    expect(after).toEqual(before);
    console.log("rows per table (unchanged):", Object.fromEntries(Object.entries(after).map(([t, s]) => [t, s.rows])));

    // The same process still answers, and still works.
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const fresh = await closeTicketViaWebhook(bot.url, { ticketId: "AFTER-1", requester: { email: "carol@client.example" }, technician: { email: "tech@esn.example" }, client: { id: "c1" } });
    expect(fresh.status).toBe(202);
  }, 120_000);

  it("refuses with 400 a Teams body that is not an activity (500 before the fix)", async () => {
    // /api/messages: a JSON body that is not an activity made botbuilder throw before authenticating.
    for (const body of ["{}", "[]", '{"type":5}', '[{"type":"message"}]', JSON.stringify({ text: "x".repeat(70_000) })]) {
      const res = await fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });
      expect(res.status, body.slice(0, 30)).toBe(400);
    }
  });

  it("generates the same requests from the same seed", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    const digest = (seed: number) => createHash("sha256").update(hostileRequests(fixtures, seed, 20, at).map((r) => `${r.method} ${r.path} ${JSON.stringify(r.headers)} ${r.body.toString("base64")}`).join("\n")).digest("hex");
    expect(digest(7)).toBe(digest(7));
    expect(digest(8)).not.toBe(digest(7));
  });
});
