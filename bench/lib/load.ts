// The one load generator every HTTP benchmark uses, for the figure and its reference alike:
// `count` requests at fixed `concurrency` over keep-alive connections (node:http), 127.0.0.1 only,
// bounded in count and in time (`deadlineMs`: requests not started by then are not sent).
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

export async function load(
  url: string,
  opts: { count: number; concurrency: number; deadlineMs?: number; make: (i: number) => BenchRequest; check?: (i: number, status: number, body: string) => void },
): Promise<LoadResult> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
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
  agent.destroy();
  return { ms, totalMs, statuses };
}
