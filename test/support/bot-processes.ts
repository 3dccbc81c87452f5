// Starts real bot processes (test/support/bot-process.ts under node + tsx) for the scale-out and
// crash tests, as two-processes.test.ts does: output captured (shown only when a test fails),
// every process killed at the end even when a test fails.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { TEST_WEBHOOK_SECRET } from "./webhook.js";

const root = join(import.meta.dirname, "../..");
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export interface BotProcess {
  url: string;
  pid: number;
  /** Everything it wrote (JSON log lines), for a failing test's message. */
  output(): string;
  /** Sends the signal and resolves when the process has exited. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** The environment of a bot on `databaseUrl` with Slack at `slackApiUrl`; `env` adds or overrides. */
export function botEnvironment(databaseUrl: string, slackApiUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    DATABASE_AUTO_MIGRATE: "false",
    PORT: "0",
    HOST: "127.0.0.1",
    TICKET_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: "test-signing-secret",
    SLACK_API_URL: slackApiUrl,
    CAGNOTTE_SCHEDULER: "off",
    CAGNOTTE_ADMINS: "boss@esn.example",
    LOG_LEVEL: "warn",
    BOT_OUTBOX_POLL_MS: "100",
    ...env,
  };
}

export function startBotProcess(env: Record<string, string>, startTimeoutMs = 30_000): Promise<BotProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/bot-process.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve();
    }),
  );
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise<BotProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill("SIGKILL");
      reject(new Error(`bot process did not start within ${startTimeoutMs} ms:\n${output.slice(-4000)}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const match = /\{"botUrl":"([^"]+)"\}/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, pid: child.pid!, output: () => output, kill });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`bot process exited (${code ?? signal}) before listening:\n${output.slice(-4000)}`));
    });
  });
}

/** Every bot process still running: killed (SIGKILL). For afterAll. */
export async function killAllBots(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
}
