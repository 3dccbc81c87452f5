// The Slack app manifest declares what the adapter uses: the slash command, interactivity on
// /slack/events, a bot user and every scope the Web API calls need.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES } from "../../../src/adapters/slack/slack-app.js";

const manifest = readFileSync(new URL("../../../manifest/slack/manifest.yml", import.meta.url), "utf8");
const scopes = [...manifest.matchAll(/^\s+- ([a-z]+(?::[a-z.]+)?)\s*$/gm)].map((m) => m[1]);

describe("manifest/slack/manifest.yml", () => {
  it("declares the bot user, /cagnotte and interactivity on /slack/events", () => {
    expect(manifest).toMatch(/bot_user:\n\s+display_name: Cagnotte/);
    expect(manifest).toMatch(/- command: \/cagnotte\n\s+url: https:\/\/[^\s]+\/slack\/events/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true\n\s+request_url: https:\/\/[^\s]+\/slack\/events/);
    expect(manifest).toContain("/slack/oauth_redirect");
    expect(manifest).not.toMatch(/\t/);
  });

  it("asks for every scope the adapter's Web API calls need", () => {
    for (const scope of ["commands", "chat:write", "im:write", "users:read", "users:read.email", "files:write", "channels:join"]) {
      expect(scopes).toContain(scope);
    }
    // The OAuth install asks for exactly what the manifest declares.
    expect([...BOT_SCOPES].sort()).toEqual([...new Set(scopes)].sort());
  });
});
