// botbuilder stays inside src/adapters/teams/, so that moving to its successor (Microsoft 365
// Agents SDK or the Teams SDK) touches one folder.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../..");
const teamsOnly = /^(botbuilder|botframework-|adaptivecards)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path.includes(`${join("src", "generated")}`)) return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function teamsImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  // import … from "x", import("x"), require("x") and createRequire(…)("x").
  const specifiers = [...text.matchAll(/(?:from\s+|import\(\s*|require\(\s*|\)\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? "");
  return specifiers.filter((s) => teamsOnly.test(s));
}

describe("Teams boundary", () => {
  it("only src/adapters/teams imports botbuilder, the connector or the card libraries", () => {
    const outside = sourceFiles(join(root, "src"))
      .filter((file) => !file.includes(join("src", "adapters", "teams")))
      .flatMap((file) => teamsImports(file).map((s) => `${relative(root, file)} imports ${s}`));
    expect(outside).toEqual([]);
  });

  it("the checker sees those imports where they are (it can fail)", () => {
    expect(teamsImports(join(root, "src/adapters/teams/teams-adapter.ts"))).toContain("botbuilder");
    expect(teamsImports(join(root, "src/adapters/teams/card-templates.ts"))).toContain("adaptivecards-templating");
  });
});
