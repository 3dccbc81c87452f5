// `npm run package:teams`: writes dist/cagnotte-teams.zip, the app package Teams admins upload
// (Teams admin center → Manage apps → Upload, or Apps → Upload a custom app).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadConfig } from "../config.js";
import { teamsAppPackage } from "../adapters/teams/app-package.js";

// eslint-disable-next-line no-restricted-syntax -- a command-line entry point hands the environment to loadConfig, once
const config = loadConfig(process.env);
if (!config.teams || config.teams.local) {
  console.error("package:teams: set MICROSOFT_APP_ID (the Azure bot's app id) to build the app package");
  process.exit(1);
}
try {
  const zip = teamsAppPackage({ appId: config.teams.appId, publicUrl: config.publicUrl });
  mkdirSync("dist", { recursive: true });
  writeFileSync("dist/cagnotte-teams.zip", zip);
  console.log(`package:teams: wrote dist/cagnotte-teams.zip (${zip.length} bytes) for app ${config.teams.appId}`);
} catch (error) {
  console.error(`package:teams: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
