// Latency figures and the one line format every benchmark prints.
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export interface LoadResult {
  /** Per-request latency, ms. */
  ms: number[];
  /** Wall time of the whole run, ms. */
  totalMs: number;
  statuses: Map<number, number>;
}

export function rate(r: LoadResult): number {
  return r.ms.length / (r.totalMs / 1000);
}

export function line(label: string, r: LoadResult): string {
  const statuses = [...r.statuses].map(([s, n]) => `${s}×${n}`).join(" ");
  return (
    `${label.padEnd(44)} ${String(r.ms.length).padStart(5)} req ${rate(r).toFixed(0).padStart(6)}/s  ` +
    `p50 ${percentile(r.ms, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(r.ms, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(r.ms, 99).toFixed(1).padStart(6)} ms  [${statuses}]`
  );
}

export function heading(text: string): void {
  console.log(`\n== ${text}`);
}
