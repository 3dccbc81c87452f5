// Every request from outside is authenticated: with an app id, /api/messages refuses activities
// without a valid Bot Framework token; local mode is explicit, loud, and refused in production.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/ports/logger.js";
import { silentLogger } from "../../src/ports/logger.js";
import { startTestBot } from "../support/running-bot.js";

const activity = {
  type: "message",
  id: "1",
  channelId: "msteams",
  serviceUrl: "http://127.0.0.1:9/",
  from: { id: "29:x", aadObjectId: "aad-x" },
  recipient: { id: "28:bot" },
  conversation: { id: "a:x", conversationType: "personal" },
  text: "status",
};

describe("Teams authentication", () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  beforeAll(async () => {
    bot = await startTestBot({ MICROSOFT_APP_ID: "6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33", MICROSOFT_APP_PASSWORD: "secret", MICROSOFT_APP_TENANT_ID: "tenant-1" });
  });
  afterAll(async () => bot.stop());

  it("answers 401 to an activity without a token and never accepts a forged one", async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(activity) });
    expect((await post({})).status).toBe(401);
    // A self-made token from another issuer is refused before any key lookup (so offline too).
    const forged = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from('{"iss":"https://evil.example","aud":"6f1c2a4e-9b7d-4c3e-8a21-0d5e7f9b1c33"}').toString("base64url")}.`;
    expect((await post({ authorization: `Bearer ${forged}` })).status).toBe(401);
  });
});

describe("Teams settings", () => {
  it("is off with no settings, on with an app id, and local only when asked", () => {
    expect(loadConfig({}).teams).toBeNull();
    expect(loadConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TENANT_ID: "t" }).teams).toMatchObject({ appType: "SingleTenant", local: false });
    expect(loadConfig({ TEAMS_LOCAL: "true" }).teams).toMatchObject({ appId: "", local: true });
  });

  it("refuses local mode in production, with an app id, and a password without an app id", () => {
    expect(() => loadConfig({ TEAMS_LOCAL: "true", NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ TEAMS_LOCAL: "true", MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p", MICROSOFT_APP_TENANT_ID: "t" })).toThrow(/TEAMS_LOCAL/);
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: "p" })).toThrow(/MICROSOFT_APP_ID/);
    expect(() => loadConfig({ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "p" })).toThrow(/MICROSOFT_APP_TENANT_ID/);
  });

  it("says loudly in the log that authentication is off in local mode", async () => {
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (obj, msg) => void warnings.push(`${typeof obj === "string" ? obj : JSON.stringify(obj)} ${msg ?? ""}`), child: () => logger };
    const bot = await startTestBot({ TEAMS_LOCAL: "true" }, { logger });
    await bot.stop();
    expect(warnings.join("\n")).toMatch(/WITHOUT AUTHENTICATION/);
  });
});
