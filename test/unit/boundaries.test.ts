// Layer rules: the core knows no SDK, ORM, HTTP or I/O; use cases know no SDK, ORM or HTTP.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2] ?? "");
}

function violations(layer: string, allowed: (specifier: string) => boolean): string[] {
  return sourceFiles(join(root, "src", layer)).flatMap((file) =>
    imports(file)
      .filter((s) => !allowed(s))
      .map((s) => `${relative(root, file)} imports ${s}`),
  );
}

describe("import boundaries", () => {
  it("src/core imports only itself and pure libraries", () => {
    const pure = new Set(["luxon", "obscenity"]);
    expect(violations("core", (s) => (s.startsWith("./") || s.startsWith("../")) && !s.includes("generated") ? !s.startsWith("../../") : pure.has(s))).toEqual([]);
  });

  it("src/app and src/ports import no SDK, Prisma, HTTP library or adapter", () => {
    const forbidden = /^(@slack\/|botbuilder|botframework|@prisma\/|express|fastify|node:http|pg$|better-sqlite3)|\/adapters\/|\/generated\//;
    expect(violations("app", (s) => !forbidden.test(s))).toEqual([]);
    expect(violations("ports", (s) => !forbidden.test(s))).toEqual([]);
    // Scheduled jobs drive use cases through the same ports; only node-cron triggers them.
    expect(violations("jobs", (s) => !forbidden.test(s))).toEqual([]);
  });

  it("the presenter and the catalogue import no SDK, adapter or use case", () => {
    const forbidden = /^(@slack\/|botbuilder|botframework|@prisma\/|express|node:)|\/adapters\/|\/app\/|\/ports\/store/;
    expect(violations("presenter", (s) => !forbidden.test(s))).toEqual([]);
    expect(violations("i18n", (s) => !forbidden.test(s))).toEqual([]);
  });

  it("no arrow runs back up from management use cases into the command language", () => {
    expect(violations("app/management", (s) => !s.includes("/commands/"))).toEqual([]);
  });

  it("the checker sees a forbidden import (it can fail)", () => {
    expect(imports(join(root, "src/adapters/store/prisma-client.ts"))).toContain("@prisma/adapter-pg");
  });
});
