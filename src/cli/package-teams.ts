// `npm run package:teams`: writes dist/cagnotte-teams.zip, the app package Teams admins upload
// (Teams admin center → Manage apps → Upload, or Apps → Upload a custom app). It needs only what
// the manifest holds: MICROSOFT_APP_ID, and PUBLIC_URL for the links; a problem is one line.
import { mkdirSync, writeFileSync } from "node:fs";
import { loadTeamsPackageSettings } from "../config.js";
import { teamsAppPackage } from "../adapters/teams/app-package.js";

try {
  // eslint-disable-next-line no-restricted-syntax -- a command-line entry point hands the environment to the config, once
  const settings = loadTeamsPackageSettings(process.env);
  const zip = teamsAppPackage(settings);
  mkdirSync("dist", { recursive: true });
  writeFileSync("dist/cagnotte-teams.zip", zip);
  console.log(`package:teams: wrote dist/cagnotte-teams.zip (${zip.length} bytes) for app ${settings.appId}`);
} catch (error) {
  console.error(`package:teams: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
