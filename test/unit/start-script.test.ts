// `npm start` runs the compiled bot and rebuilds it only when a source changed after the build.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain ES module script, without type declarations
import { needsBuild } from "../../scripts/start.mjs";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(): string {
  dir = mkdtempSync(join(tmpdir(), "cagnotte-start-"));
  mkdirSync(join(dir, "src/app"), { recursive: true });
  writeFileSync(join(dir, "src/app/use-case.ts"), "export {};\n");
  return dir;
}

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

describe("npm start", () => {
  it("builds when dist/main.js is missing", () => {
    expect(needsBuild(project())).toBe(true);
  });

  it("runs the build as it is until a source changes after it", () => {
    const root = project();
    mkdirSync(join(root, "dist"));
    writeFileSync(join(root, "dist/main.js"), "");
    at(join(root, "src/app/use-case.ts"), 1_000);
    at(join(root, "dist/main.js"), 2_000);
    expect(needsBuild(root)).toBe(false);
    at(join(root, "src/app/use-case.ts"), 3_000);
    expect(needsBuild(root)).toBe(true);
  });
});
