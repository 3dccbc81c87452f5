// A full disk (SQLite's max_page_count on the bot's own connection, so no small file system is
// needed): closures answer 503, not 500; a write SQLite rolls back by itself (recording a delivery
// on a full page) no longer leaves the driver's transaction lock held, so reads keep answering,
// /healthz says 503 while writes fail, everything works again once there is space, and the bot
// stops cleanly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { RecordingPlatform } from "../support/recording-platform.js";
import { startTestBot } from "../support/running-bot.js";
import { closeTicketViaWebhook } from "../support/webhook.js";

const LIMIT_MS = 5_000;
/** The value, or "timed out" when the promise has not settled within LIMIT_MS (the old failure: for ever). */
function within<T>(promise: Promise<T>, ms = LIMIT_MS): Promise<T | "timed out"> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

let bot: Awaited<ReturnType<typeof startTestBot>>;
const platform = new RecordingPlatform();
const db = () => (bot.ctx.store as unknown as { db: Db }).db;
let seq = 0;
const accepted: string[] = [];

async function closeOne(): Promise<number | "timed out"> {
  const ticketId = `T-${++seq}`;
  const res = await within(
    closeTicketViaWebhook(bot.url, { ticketId, title: "Imprimante en panne ".repeat(10), requester: { email: `r${seq}@client.example` }, technician: { email: "tech@esn.example" }, client: { id: "c1" } }),
  );
  if (res === "timed out") return res;
  if (res.status === 202) accepted.push(ticketId);
  return res.status;
}
const status = async (path: string) => within(fetch(`${bot.url}${path}`).then((r) => r.status));
const setMaxPages = (pages: number) => db().$queryRawUnsafe(`PRAGMA max_page_count = ${pages}`);

beforeAll(async () => {
  bot = await startTestBot({}, { platform });
});
afterAll(async () => {
  // Only if the test failed before stopping it; a stuck bot must not hang the run.
  if (bot) await within(bot.stop());
});

describe("a full disk (SQLite)", () => {
  it("answers 503 while writes fail, keeps reading, recovers by itself and stops cleanly", async () => {
    for (let i = 0; i < 30; i++) expect(await closeOne()).toBe(202);
    const [row] = await db().$queryRawUnsafe<{ page_count: bigint }[]>("PRAGMA page_count");
    await setMaxPages(Number(row?.page_count)); // the disk is full now

    const whileFull: (number | "timed out")[] = [];
    for (let i = 0; i < 20; i++) whileFull.push(await closeOne());
    const refused = whileFull.filter((s) => s !== 202);
    console.log(`full disk: ${whileFull.length - refused.length} closures still fitted, then ${refused.length} answered ${[...new Set(refused)].join("/")}`);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused)).toEqual(new Set([503]));

    // Recording the deliveries needs space too: SQLite rolls such a write back by itself, which
    // used to leave the driver's lock held (every later write, /api/pot and shutdown waited for ever).
    const drained = await within(bot.worker.drain().then(
      (n) => `drained ${n}`,
      (error: unknown) => (error as Error).name,
    ));
    expect(drained).not.toBe("timed out");
    expect(await status("/api/pot")).toBe(200);
    expect(await status("/healthz")).toBe(503);
    expect(await closeOne()).toBe(503);
    expect(await status("/healthz")).toBe(503);

    await setMaxPages(1_000_000_000); // space is back
    expect(await status("/healthz")).toBe(200);
    expect(await closeOne()).toBe(202);
    expect(await within(bot.worker.drain().then((n) => n >= 0))).toBe(true);

    const stored = await db().ticket.findMany({ where: { externalId: { in: accepted } }, select: { externalId: true } });
    const delivered = await db().survey.count({ where: { status: "delivered" } });
    // The pass that failed keeps its claim until the lease runs out; then it is sent again.
    const leased = await db().outboxMessage.count({ where: { kind: "survey.deliver", status: "pending" } });
    console.log(`full disk: ${accepted.length} closures acknowledged (202), ${stored.length} in the database, ${delivered} surveys delivered, ${leased} waiting for their lease to run out, drain while full: ${String(drained)}`);
    expect(stored).toHaveLength(accepted.length);
    expect(delivered + leased).toBe(accepted.length);

    expect(await within(bot.stop().then(() => "stopped"))).toBe("stopped");
    bot = undefined as unknown as typeof bot;
  });
});
