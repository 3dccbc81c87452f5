// The one load generator every HTTP benchmark uses, for the figure and its reference alike:
// `count` requests at fixed `concurrency` over keep-alive connections (node:http), 127.0.0.1 only,
// bounded in count and in time (`deadlineMs`: requests not started by then are not sent).
//
// Measure on connections a warm-up opened (`connections()`, passed as `agent` to the warm-up and to
// the measured run): a Node HTTP server that is busy takes new connections in slowly, so when 100
// connections open at once under load the last few wait for their first answer until the others
// are nearly done. Measured on a plain node:http server doing 1 ms of work per request, 100
// concurrent, 1,000 requests, six runs each: p99 395–1,463 ms on new connections, 125–276 ms on
// warm ones. That wait says nothing about the handler, and it struck the reference and the bot at
// random, so a p99 compared across the two measured mostly which one it struck.
import { Agent, request } from "node:http";
import type { LoadResult } from "./stats.js";

export interface BenchRequest {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export function send(base: URL, req: BenchRequest, agent?: Agent): Promise<{ status: number; body: string }> {
  if (base.hostname !== "127.0.0.1") throw new Error(`benchmarks only load 127.0.0.1, not ${base.hostname}`);
  return new Promise((resolve, reject) => {
    const r = request(
      { host: "127.0.0.1", port: base.port, method: req.method, path: req.path, agent, headers: { ...(req.headers ?? {}), ...(req.body !== undefined ? { "content-length": Buffer.byteLength(req.body) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(req.body);
  });
}

/** Keep-alive connections for one server, to warm up and then measure on; destroy() when done. */
export function connections(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
}

export async function load(
  url: string,
  opts: {
    count: number;
    concurrency: number;
    deadlineMs?: number;
    /** Connections to use (left open for the caller); else new ones, closed at the end. */
    agent?: Agent;
    make: (i: number) => BenchRequest;
    check?: (i: number, status: number, body: string) => void;
  },
): Promise<LoadResult> {
  const base = new URL(url);
  const agent = opts.agent ?? connections(opts.concurrency);
  const ms: number[] = [];
  const statuses = new Map<number, number>();
  const deadline = performance.now() + (opts.deadlineMs ?? 120_000);
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.count && performance.now() < deadline) {
        const i = next++;
        const req = opts.make(i);
        const t = performance.now();
        const res = await send(base, req, agent).catch(() => ({ status: 0, body: "" }));
        ms.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        opts.check?.(i, res.status, res.body);
      }
    }),
  );
  const totalMs = performance.now() - t0;
  if (!opts.agent) agent.destroy();
  return { ms, totalMs, statuses };
}
