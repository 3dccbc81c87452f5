// The bot as an operator runs it: `node --import tsx src/main.ts`, configured by the environment,
// JSON logs on stdout. Tests read its log lines, signal it and see how it exits.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export class BotProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  url = "";
  private readonly child: ChildProcess;
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private waiters: (() => void)[] = [];

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", CAGNOTTE_SCHEDULER: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const collect = (into: string[]) => {
      let partial = "";
      return (chunk: Buffer) => {
        const parts = (partial + chunk.toString("utf8")).split("\n");
        partial = parts.pop() ?? "";
        into.push(...parts);
        for (const wake of this.waiters.splice(0)) wake();
      };
    };
    this.child.stdout!.on("data", collect(this.stdout));
    this.child.stderr!.on("data", collect(this.stderr));
    // "close", not "exit": every line the process wrote is read by then.
    this.exited = new Promise((resolve) => this.child.once("close", (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The JSON log lines so far (anything else on stdout is kept out). */
  lines(): LogLine[] {
    return this.stdout.flatMap((l) => {
      try {
        return [JSON.parse(l) as LogLine];
      } catch {
        return [];
      }
    });
  }

  /** Waits for a log line whose message matches, or throws after `ms` (or when the process ended). */
  async waitFor(pattern: RegExp, ms = 20_000): Promise<LogLine> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.lines().find((l) => pattern.test(l.msg));
      if (found) return found;
      if (!this.alive) throw new Error(`bot exited before logging ${pattern}; stderr: ${this.stderr.join("\n").slice(0, 2000)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no log line ${pattern} within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async started(): Promise<string> {
    const line = await this.waitFor(/^listening on /, 30_000);
    this.url = /listening on (\S+)/.exec(line.msg)?.[1] ?? "";
    return this.url;
  }

  /** SIGKILL now, without waiting. */
  kill(): void {
    this.child.kill("SIGKILL");
  }

  /** Sends the signal and waits for the exit, at most `ms` (then SIGKILL, and "timed out"). */
  async stop(signal: NodeJS.Signals = "SIGTERM", ms = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null } | "timed out"> {
    if (this.alive) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<"timed out">((resolve) => (timer = setTimeout(() => resolve("timed out"), ms)));
    const result = await Promise.race([this.exited, late]);
    clearTimeout(timer);
    if (result === "timed out") {
      this.child.kill("SIGKILL");
      await this.exited;
    }
    return result;
  }
}
