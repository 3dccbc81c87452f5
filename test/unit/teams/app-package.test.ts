// The Teams app package: the manifest validates offline against the bundled 1.17 schema, the
// icons have the exact sizes Teams requires, and the zip holds the three files at its root.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ManifestUtil, type TeamsAppManifest } from "@microsoft/app-manifest";
import { manifestFolder, teamsAppPackage, teamsManifest } from "../../../src/adapters/teams/app-package.js";

const appId = "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33";

function bundledSchema(): Parameters<typeof ManifestUtil.validateManifestAgainstSchema<TeamsAppManifest>>[1] {
  const path = createRequire(import.meta.url).resolve("@microsoft/app-manifest/build/json-schemas/teams/v1.17/MicrosoftTeams.schema.json");
  // The published schema has a "\a" escape that JavaScript regexes reject (the library's own workaround).
  return JSON.parse(readFileSync(path, "utf8").replace(/\\a/g, "\\x07")) as never;
}

async function problems(manifest: unknown): Promise<string[]> {
  return ManifestUtil.validateManifestAgainstSchema(manifest as TeamsAppManifest, bundledSchema());
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: Uint8Array): { width: number; height: number } {
  const buffer = Buffer.from(file);
  expect(buffer.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buffer.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

describe("Teams app package", () => {
  it("has a committed manifest that validates against the 1.17 schema", async () => {
    const manifest = JSON.parse(readFileSync(`${manifestFolder}manifest.json`, "utf8")) as Record<string, unknown>;
    expect(await problems(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe("1.17");
  });

  it("lists the cagnotte commands in the bot's commandLists", () => {
    const manifest = teamsManifest({ appId, publicUrl: null }) as { bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[] };
    const personal = manifest.bots[0]?.commandLists.find((l) => l.scopes.includes("personal"))?.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(["status", "help", "withdraw", "history", "moderation", "export"]));
    expect(manifest.bots[0]?.commandLists.find((l) => l.scopes.includes("team"))?.commands.map((c) => c.title)).toContain("channel");
  });

  it("catches a broken manifest (the validation can fail)", async () => {
    const manifest = teamsManifest({ appId, publicUrl: null });
    expect((await problems({ ...manifest, id: "not-a-guid" })).length).toBeGreaterThan(0);
    expect((await problems({ ...manifest, name: undefined })).length).toBeGreaterThan(0);
  });

  it("has icons of exactly 192×192 (color) and 32×32 (outline)", () => {
    expect(pngSize(readFileSync(`${manifestFolder}color.png`))).toEqual({ width: 192, height: 192 });
    expect(pngSize(readFileSync(`${manifestFolder}outline.png`))).toEqual({ width: 32, height: 32 });
  });

  it("zips the manifest with the bot's app id and public address, and the icons, at the root", async () => {
    const files = unzipSync(teamsAppPackage({ appId, publicUrl: "https://cagnotte.acme.example" }));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { id: string; bots: { botId: string }[]; validDomains: string[]; developer: { websiteUrl: string } };
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]?.botId).toBe(appId);
    expect(manifest.validDomains).toEqual(["cagnotte.acme.example"]);
    expect(manifest.developer.websiteUrl).toBe("https://cagnotte.acme.example");
    expect(await problems(manifest)).toEqual([]);
    expect(pngSize(files["color.png"] ?? new Uint8Array())).toEqual({ width: 192, height: 192 });
  });

  it("refuses to package without a real app id", () => {
    expect(() => teamsAppPackage({ appId: "", publicUrl: null })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => teamsAppPackage({ appId: "00000000-0000-0000-0000-000000000000", publicUrl: null })).toThrow(/MICROSOFT_APP_ID/);
  });
});
