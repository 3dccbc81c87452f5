// What an operator reads and installs: the README's production section and the systemd unit stay
// in line with package.json and with how the bot is started in the process tests.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const readme = read("README.md");
const unit = read("deploy/cagnotte.service");

describe("deployment", () => {
  it("the README asks for the Node version package.json requires", () => {
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    expect(engines).toBe(">=20.19");
    expect(readme).toContain("Node.js ≥ 20.19");
  });

  it("the systemd unit runs one node process in production, on 127.0.0.1, stopped by SIGTERM", () => {
    const setting = (key: string) => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((m) => m[1]);
    // What `npm start` runs, without npm in between (signals reach the bot).
    const start = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start;
    expect(setting("ExecStart")).toEqual([`/usr/bin/${start}`]);
    expect(setting("Environment")).toEqual(expect.arrayContaining(["NODE_ENV=production", "HOST=127.0.0.1"]));
    expect(setting("KillSignal")).toEqual(["SIGTERM"]);
    expect(Number(setting("TimeoutStopSec")[0])).toBeGreaterThan(15); // the bot exits within 15 s
    expect(setting("EnvironmentFile")).toEqual(["/etc/cagnotte/cagnotte.env"]);
  });

  it("the production section covers HTTPS, the unit, backups of both databases and upgrades", () => {
    const production = readme.slice(readme.indexOf("## Production"), readme.indexOf("## Architecture"));
    for (const needed of ["### HTTPS behind a reverse proxy", "deploy/cagnotte.service", "NODE_ENV=production", ".backup", "pg_dump", "### Upgrades", "npm run db:migrate", "CAGNOTTE_SCHEDULER", "TICKET_WEBHOOK_SECRET"]) {
      expect(production).toContain(needed);
    }
  });
});
