// `npm run package:teams` as an administrator runs it: only MICROSOFT_APP_ID (and PUBLIC_URL for
// the links) is needed — no app password, tenant or database — and a missing or wrong setting is
// one line on stderr, not a stack trace.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const script = join(import.meta.dirname, "../../src/cli/package-teams.ts");
const dir = mkdtempSync(join(tmpdir(), "cagnotte-package-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function packageTeams(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", import.meta.resolve("tsx"), script], { cwd: dir, env: { PATH: process.env.PATH ?? "", ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("npm run package:teams", () => {
  it("builds the package from MICROSOFT_APP_ID and PUBLIC_URL alone", async () => {
    const appId = "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33";
    const r = await packageTeams({ MICROSOFT_APP_ID: appId, PUBLIC_URL: "https://cagnotte.example.com" });
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const files = unzipSync(readFileSync(join(dir, "dist/cagnotte-teams.zip")));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { id: string; developer: { privacyUrl: string; termsOfUseUrl: string } };
    expect(manifest.id).toBe(appId);
    expect(manifest.developer).toMatchObject({ privacyUrl: "https://cagnotte.example.com/privacy", termsOfUseUrl: "https://cagnotte.example.com/terms" });
  });

  it.each([
    [{}, /^package:teams: MICROSOFT_APP_ID: is required/],
    [{ MICROSOFT_APP_ID: "not-a-guid" }, /^package:teams: MICROSOFT_APP_ID must be the bot's Azure app id/],
    [{ MICROSOFT_APP_ID: "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33", PUBLIC_URL: "nope" }, /^package:teams: PUBLIC_URL: must be an absolute URL/],
  ])("says what is missing in one line: %o", async (env, message) => {
    const r = await packageTeams(env);
    console.log(`package:teams with ${JSON.stringify(env)}: exit ${r.code}, stderr ${JSON.stringify(r.stderr)}`);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
