// Zendesk and Freshdesk settings: each helpdesk is on when its webhook settings are present, its
// API settings go together, and a partial set names the missing variable.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error instanceof ConfigError ? error.variable : String(error);
  }
  return null;
};

describe("Zendesk / Freshdesk settings", () => {
  it("are off when not set", () => {
    const config = loadConfig({});
    expect(config.zendesk).toBeNull();
    expect(config.freshdesk).toBeNull();
  });

  it("read the webhook and API settings", () => {
    const config = loadConfig({
      ZENDESK_WEBHOOK_SECRET: "s",
      ZENDESK_URL: "https://example.zendesk.com/",
      ZENDESK_EMAIL: "bot@esn.example",
      ZENDESK_API_TOKEN: "t",
      FRESHDESK_WEBHOOK_USER: "u",
      FRESHDESK_WEBHOOK_PASSWORD: "p",
    });
    expect(config.zendesk).toEqual({ webhookSecret: "s", api: { url: "https://example.zendesk.com", email: "bot@esn.example", token: "t" } });
    expect(config.freshdesk).toEqual({ webhookUser: "u", webhookPassword: "p", api: null });
  });

  it("name the missing variable of a partial set", () => {
    expect(fail({ ZENDESK_WEBHOOK_SECRET: "s", ZENDESK_URL: "https://example.zendesk.com", ZENDESK_EMAIL: "bot@esn.example" })).toBe("ZENDESK_API_TOKEN");
    expect(fail({ ZENDESK_URL: "https://example.zendesk.com", ZENDESK_EMAIL: "bot@esn.example", ZENDESK_API_TOKEN: "t" })).toBe("ZENDESK_WEBHOOK_SECRET");
    expect(fail({ FRESHDESK_WEBHOOK_USER: "u" })).toBe("FRESHDESK_WEBHOOK_PASSWORD");
    expect(fail({ FRESHDESK_WEBHOOK_USER: "u", FRESHDESK_WEBHOOK_PASSWORD: "p", FRESHDESK_API_KEY: "k" })).toBe("FRESHDESK_URL");
    expect(fail({ FRESHDESK_URL: "https://example.freshdesk.com", FRESHDESK_API_KEY: "k" })).toBe("FRESHDESK_WEBHOOK_USER");
    expect(fail({ ZENDESK_WEBHOOK_SECRET: "s", ZENDESK_URL: "not a url", ZENDESK_EMAIL: "e", ZENDESK_API_TOKEN: "t" })).toBe("ZENDESK_URL");
  });
});
