// The dashboard's figures at scale: a SQLite file seeded like the status benchmark (answers over 40
// campaigns), then getDashboardFigures as GET /dashboard calls it: the first read (every campaign),
// reloads after the 5-second cache (closed campaigns still kept), and within it. Asserts nothing.
//   npx tsx bench/dashboard.ts            (BENCH_DASHBOARD_ANSWERS=100000,1000000 by default)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDashboardFigures } from "../src/app/dashboard/figures.js";
import { getHistory, getStatus } from "../src/app/get-status.js";
import { loadConfig } from "../src/config.js";
import { start } from "../src/main.js";
import { silentLogger } from "../src/ports/logger.js";
import { seedAnswers } from "./lib/seed.js";

const sizes = (process.env.BENCH_DASHBOARD_ANSWERS ?? "100000,1000000").split(",").map(Number);
const MANAGER = "boss@esn.example";

for (const answers of sizes) {
  const dir = mkdtempSync(join(tmpdir(), "cagnotte-bench-dashboard-"));
  const file = join(dir, "dashboard.db");
  const t0 = performance.now();
  await seedAnswers(file, { answers, campaigns: 40 });
  console.log(`${answers.toLocaleString("en")} answers over 40 campaigns: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const config = loadConfig({ DATABASE_URL: `file:${file}`, PORT: "0", HOST: "127.0.0.1", TICKET_WEBHOOK_SECRET: "x", LOG_LEVEL: "silent", CAGNOTTE_SCHEDULER: "off", CAGNOTTE_ADMINS: MANAGER });
  const bot = await start(config, { logger: silentLogger, outboxPollMs: 3_600_000 });
  let at = Date.now();
  // The bot's own clock, moved by hand past the cache's lifetime.
  const ctx = { ...bot.ctx, clock: { now: () => new Date(at) } };
  const time = async (label: string, task: () => Promise<unknown>) => {
    const t = performance.now();
    await task();
    console.log(`  ${label.padEnd(52)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`);
  };
  const figures = () => getDashboardFigures(ctx, { viewerEmail: MANAGER, campaignLabel: null });
  try {
    await time("management status (reference)", () => getStatus(ctx, { email: MANAGER }));
    await time("history (reference)", () => getHistory(ctx));
    await time("dashboard figures, first read (every campaign)", figures);
    for (let i = 1; i <= 3; i++) {
      at += 6_000;
      await time(`dashboard figures, ${i * 6} s later (closed campaigns kept)`, figures);
    }
    await time("dashboard figures, within 5 s (all kept)", figures);
  } finally {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
