// The Teams app package admins upload: manifest.json (with this bot's app id and public
// address) and the two icons, zipped flat as Teams requires.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";

export const manifestFolder = fileURLToPath(new URL("../../../manifest/teams/", import.meta.url));
const PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PackageSettings {
  appId: string;
  /** The bot's public https address: the developer links and validDomains use it. */
  publicUrl: string | null;
}

export function teamsManifest(settings: PackageSettings): Record<string, unknown> {
  if (!GUID.test(settings.appId) || settings.appId === PLACEHOLDER_ID) throw new Error("MICROSOFT_APP_ID must be the bot's Azure app id (a GUID)");
  const manifest = JSON.parse(readFileSync(`${manifestFolder}manifest.json`, "utf8")) as Record<string, unknown> & {
    bots: { botId: string }[];
    developer: Record<string, string>;
    validDomains: string[];
  };
  manifest.id = settings.appId;
  for (const bot of manifest.bots) bot.botId = settings.appId;
  if (settings.publicUrl?.startsWith("https://")) {
    const base = settings.publicUrl.replace(/\/+$/, "");
    manifest.developer = { ...manifest.developer, websiteUrl: base, privacyUrl: `${base}/privacy`, termsOfUseUrl: `${base}/terms` };
    manifest.validDomains = [new URL(base).host];
  }
  return manifest;
}

export function teamsAppPackage(settings: PackageSettings): Uint8Array {
  const manifest = teamsManifest(settings);
  return zipSync({
    "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    "color.png": readFileSync(`${manifestFolder}color.png`),
    "outline.png": readFileSync(`${manifestFolder}outline.png`),
  });
}
