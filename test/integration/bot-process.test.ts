// The bot as a real process (`node src/main.ts`), as the probe ran it:
// - Slack unreachable at boot used to kill it (auth.test rejected unhandled from Bolt's constructor):
//   now it starts, says so, serves the webhook, and connects once Slack answers;
// - the "ticket closed" log line carried the survey link, whose token alone answers the survey;
// - SIGTERM ends it with code 0;
// - log lines were lost on kill -9 (pino buffered them): each acknowledged closure has its line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signBody } from "../../src/adapters/http/signature.js";
import { BotProcess } from "../support/bot-main-process.js";
import { createTestDatabase, type TestDatabase } from "../support/databases.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { signSlack } from "../support/fake-slack/slack-driver.js";
import { SlackGate } from "../support/slack-gate.js";

const WEBHOOK_SECRET = "process-webhook-secret";
const SIGNING_SECRET = "process-signing-secret";
let database: TestDatabase;
let fake: FakeSlack;
let gate: SlackGate;
const processes: BotProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  fake = new FakeSlack("xoxb-process");
  fake.addUser({ id: "UBOSS", email: "boss@esn.example", name: "Boss", locale: "en-GB" });
  await fake.start();
  gate = new SlackGate(fake.url);
});
afterAll(async () => {
  for (const p of processes) await p.stop("SIGKILL", 5_000);
  await gate?.close();
  await fake?.stop();
  await database?.drop();
});

let seq = 0;
async function close(url: string): Promise<{ status: number; ticketId: string; surveyUrl?: string }> {
  const ticketId = `P-${++seq}`;
  const body = JSON.stringify({ ticketId, kind: "incident", closedAt: new Date().toISOString(), requester: { email: `r${seq}@client.example` }, technician: { email: "tech@esn.example" }, client: { id: "c1" } });
  const res = await fetch(`${url}/webhooks/tickets`, { method: "POST", body, headers: { "content-type": "application/json", "x-signature-256": signBody(WEBHOOK_SECRET, body) } });
  return { status: res.status, ticketId, ...((await res.json()) as { surveyUrl?: string }) };
}

function slash(url: string, text: string) {
  const body = new URLSearchParams({ team_id: "T0001", channel_id: "CGENERAL", user_id: "UBOSS", command: "/cagnotte", text, response_url: `${fake.url}/response/1`, trigger_id: fake.newTrigger() }).toString();
  return fetch(`${url}/slack/events`, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...signSlack(SIGNING_SECRET, body) } });
}

describe("the bot as a process", () => {
  it("starts while Slack is unreachable, serves the webhook, connects when Slack is back, never logs survey links, and stops on SIGTERM", async () => {
    const slackPort = await SlackGate.reservePort(); // nothing listens there yet: connections are refused
    const bot = new BotProcess({
      DATABASE_URL: database.url,
      TICKET_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SLACK_BOT_TOKEN: "xoxb-process",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: `http://127.0.0.1:${slackPort}/api/`,
    });
    processes.push(bot);
    const url = await bot.started();
    const unreachable = await bot.waitFor(/cannot reach Slack/);
    expect(bot.alive).toBe(true);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const closed = await close(url);
    expect(closed.status).toBe(202);
    expect((await slash(url, "status")).status).toBe(503); // Slack retries; nothing is half-handled

    await gate.open(slackPort); // Slack answers again
    const connected = await bot.waitFor(/^slack: connected after/, 30_000);
    const answered = await slash(url, "status");
    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({ response_type: "ephemeral" });
    console.log(`slack unreachable at boot: "${unreachable.msg}"; then "${connected.msg}"; webhook ${closed.status}, /cagnotte status ${answered.status}`);

    const exit = await bot.stop("SIGTERM", 20_000);
    expect(exit).toMatchObject({ code: 0 });
    const token = new URL(closed.surveyUrl ?? "http://x/s/none").pathname.split("/").at(-1) ?? "none";
    const log = bot.stdout.join("\n");
    expect(token.length).toBeGreaterThan(10);
    expect(log).toContain(`"msg":"ticket closed"`);
    expect(log).not.toContain(token);
    expect(bot.stderr.join("\n")).not.toMatch(/^\s+at /m); // no stack trace outside the JSON log
    console.log(`SIGTERM: exit code ${exit === "timed out" ? exit : exit.code}; ${bot.stdout.length} log lines, survey token in them: ${log.includes(token)}`);
  });

  it("keeps every log line written before kill -9", async () => {
    const bot = new BotProcess({ DATABASE_URL: database.url, TICKET_WEBHOOK_SECRET: WEBHOOK_SECRET });
    processes.push(bot);
    const url = await bot.started();
    // 60 closures at once; the bot is killed the moment the 30th is acknowledged, while it is
    // still busy with (and logging) the others.
    const acknowledged: string[] = [];
    let killed = false;
    await Promise.all(
      Array.from({ length: 60 }, () =>
        close(url).then(
          (r) => {
            if (killed || r.status !== 202) return;
            acknowledged.push(r.ticketId);
            if (acknowledged.length === 30) {
              killed = true;
              bot.kill();
            }
          },
          () => undefined, // the connections cut by the kill
        ),
      ),
    );
    await bot.stop("SIGKILL", 10_000);
    const logged = new Set(bot.lines().filter((l) => l.msg === "ticket closed").map((l) => l.ticketId));
    const missing = acknowledged.filter((id) => !logged.has(id));
    console.log(`kill -9: ${acknowledged.length} closures acknowledged before the kill, ${logged.size} "ticket closed" lines in the log, ${missing.length} acknowledged without their line`);
    expect(acknowledged).toHaveLength(30);
    expect(missing).toEqual([]);
  });
});
