// A new user's first run: `npm start` in a fresh folder with no settings at all.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const main = join(root, "src/main.ts");
// `npm start` runs the compiled main; this runs the same main from the sources through tsx (no
// build needed in a test), resolved from the project, not from the empty folder.
const tsxLoader = createRequire(join(root, "package.json")).resolve("tsx");
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill("SIGTERM");
  child = undefined;
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts the bot as `npm start` does, with nothing in the environment but PATH (and a port). */
function startBot(cwd: string, env: Record<string, string>) {
  const output: string[] = [];
  child = spawn(process.execPath, ["--import", pathToFileURL(tsxLoader).href, main], { cwd, env: { PATH: process.env.PATH ?? "", ...env } });
  child.stdout?.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number>((resolve) => child?.once("exit", (code) => resolve(code ?? -1)));
  return { output, exited };
}

async function waitFor(predicate: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("first run", () => {
  it("boots with no settings: creates and migrates ./data/cagnotte.db, answers /healthz, says what is missing", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cagnotte-first-run-"));
    const port = await freePort();
    const { output } = startBot(cwd, { PORT: String(port) });
    await waitFor(() => output.join("").includes("listening on"), 30_000);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(existsSync(join(cwd, "data/cagnotte.db"))).toBe(true);
    const log = output.join("");
    expect(log).toMatch(/applied \d+ migration/);
    expect(log).toContain("set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to enable it");
    expect(log).toContain("MICROSOFT_APP_ID");
    const secretFile = join(cwd, "data/ticket-webhook-secret");
    expect(statSync(secretFile).mode & 0o777).toBe(0o600);
    // The generated secret is never written to the log.
    expect(log).not.toContain(readFileSync(secretFile, "utf8").trim());
  });

  it("stops with one clear line naming a bad variable", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "cagnotte-bad-setting-"));
    const { output, exited } = startBot(cwd, { PORT: "not-a-port" });
    expect(await exited).toBe(1);
    const lines = output.join("").trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^cagnotte: configuration error: PORT: /);
    expect(existsSync(join(cwd, "data"))).toBe(false);
  });
});
