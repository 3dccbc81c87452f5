// Benchmarks: each prints its figure beside a reference measured in the same run with the same
// load generator; they assert nothing. `npm run bench` runs them all; `npm run bench -- status`
// (ingest, ack, status, delivery) only some. Bounded load on 127.0.0.1 only. The servers under load
// (the compiled bot, the references) run in child processes; `dist/` is built first when stale.
// Settings: BENCH_POSTGRES_URL (else a throwaway server; BENCH_POSTGRES=off to skip), BENCH_INGEST_N,
// BENCH_ACK_N, BENCH_STATUS_ANSWERS (e.g. 100000,1000000), BENCH_DELIVERY_SCALE (0.05),
// BENCH_INGEST_SLACK=off (skip ingest's run with Slack configured), BENCH_CPU_PROF=<dir> (each child
// server — the compiled bot, the references — writes a CPU profile there: node --cpu-prof).
import { cpus } from "node:os";
import { spawnSync } from "node:child_process";
import { needsBuild } from "../scripts/start.mjs";
import { benchIngest } from "./ingest.js";
import { benchSlackAck } from "./slack-ack.js";
import { benchStatus } from "./status.js";
import { benchDelivery } from "./delivery.js";
import { ROOT } from "./lib/env.js";

const all = { ingest: benchIngest, ack: benchSlackAck, status: benchStatus, delivery: benchDelivery } as const;
const chosen = process.argv.slice(2).filter((a): a is keyof typeof all => a in all);
const names = chosen.length ? chosen : (Object.keys(all) as (keyof typeof all)[]);

console.log(`node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "?"}); shared machines are noisy: compare each figure with its reference of the same run`);
if ((names.includes("ingest") || names.includes("ack")) && needsBuild(ROOT)) {
  console.log("building dist/ (npm run build)…");
  const built = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (built.status !== 0) process.exit(1);
}
for (const name of names) await all[name]();
// A worker still waiting on a paced call must not keep the benchmark alive.
process.exit(0);
