// The Slack settings: single token, Socket Mode, OAuth, and clear errors for half-done setups.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";

describe("Slack settings", () => {
  it("is off with nothing set, on with a bot token and a signing secret", () => {
    expect(loadConfig({}).slack).toBeNull();
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", SLACK_TEAM_CHANNEL: "C1" }).slack).toEqual({
      botToken: "xoxb-1",
      signingSecret: "s",
      apiUrl: null,
      teamChannel: "C1",
      appToken: null,
      oauth: null,
    });
  });

  it("accepts Socket Mode without a signing secret", () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).slack).toMatchObject({ appToken: "xapp-1", signingSecret: null });
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xoxb-wrong" })).toThrow(ConfigError);
  });

  it("accepts OAuth next to the home workspace's token, and names the missing piece of a half-done setup", () => {
    const oauth = { SLACK_CLIENT_ID: "1.2", SLACK_CLIENT_SECRET: "cs", SLACK_STATE_SECRET: "st", SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-home" };
    expect(loadConfig(oauth).slack).toMatchObject({ botToken: "xoxb-home", oauth: { clientId: "1.2", clientSecret: "cs", stateSecret: "st" } });
    expect(() => loadConfig({ ...oauth, SLACK_BOT_TOKEN: "" })).toThrow(/SLACK_BOT_TOKEN/);
    expect(() => loadConfig({ ...oauth, SLACK_APP_TOKEN: "xapp-1" })).toThrow(/SLACK_APP_TOKEN/);
    expect(() => loadConfig({ ...oauth, SLACK_STATE_SECRET: "" })).toThrow(/SLACK_STATE_SECRET/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: "s" })).toThrow(/SLACK_BOT_TOKEN/);
  });
});
