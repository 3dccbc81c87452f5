import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("runs on the embedded default with no settings at all", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3978,
      publicUrl: "http://localhost:3978",
      database: { url: "file:./data/cagnotte.db", provider: "sqlite", autoMigrate: true },
      slack: null,
      teams: null,
      admins: [],
      rules: { timeZone: "Europe/Paris", amountCents: 100, caps: { perRequester: 3, perClient: 10 }, surveyedKinds: ["incident"], ratingScale: 3 },
    });
    expect(Object.isFrozen(c.rules.caps)).toBe(true);
  });

  it("keeps surveys answerable 90 days at least, names staff domains and the first charity", () => {
    expect(loadConfig({}).rules.surveyExpiryDays).toBe(90);
    expect(loadConfig({ CAGNOTTE_SURVEY_EXPIRY_DAYS: "120" }).rules.surveyExpiryDays).toBe(120);
    expect(() => loadConfig({ CAGNOTTE_SURVEY_EXPIRY_DAYS: "14" })).toThrow(/CAGNOTTE_SURVEY_EXPIRY_DAYS: may only lengthen the 90 days/);
    expect(loadConfig({ CAGNOTTE_STAFF_DOMAINS: "ESN.example, @support.esn.example" }).rules.staffDomains).toEqual(["esn.example", "support.esn.example"]);
    expect(() => loadConfig({ CAGNOTTE_STAFF_DOMAINS: "not a domain" })).toThrow(ConfigError);
    expect(loadConfig({ CAGNOTTE_CHARITY: " Rêves de Gosse " }).firstCharity).toBe("Rêves de Gosse");
  });

  it("parses lists, PostgreSQL and platform settings", () => {
    const c = loadConfig({
      DATABASE_URL: "postgresql://u:p@db:5432/cagnotte",
      TICKET_WEBHOOK_SECRET: "shared-by-every-instance",
      CAGNOTTE_ADMINS: "Boss@ESN.example, cfo@esn.example",
      CAGNOTTE_SURVEYED_KINDS: "incident, Problem",
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "s",
      PUBLIC_URL: "https://cagnotte.example.com/",
    });
    expect(c.database).toEqual({ url: "postgresql://u:p@db:5432/cagnotte", provider: "postgres", autoMigrate: false });
    expect(c.admins).toEqual(["boss@esn.example", "cfo@esn.example"]);
    expect(c.rules.surveyedKinds).toEqual(["incident", "problem"]);
    expect(c.slack).toMatchObject({ botToken: "xoxb-1", signingSecret: "s", apiUrl: null });
    expect(c.publicUrl).toBe("https://cagnotte.example.com");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ CAGNOTTE_ADMINS: "not-an-email" }, "CAGNOTTE_ADMINS"],
    [{ CAGNOTTE_TIME_ZONE: "Paris" }, "CAGNOTTE_TIME_ZONE"],
    [{ CAGNOTTE_RATING_SCALE: "4" }, "CAGNOTTE_RATING_SCALE"],
    [{ SLACK_BOT_TOKEN: "xoxb" }, "SLACK_SIGNING_SECRET"],
    [{ MICROSOFT_APP_ID: "id", MICROSOFT_APP_PASSWORD: "pw" }, "MICROSOFT_APP_TENANT_ID"],
  ])("names the bad variable: %o", (env, variable) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
  });

  it("refuses PostgreSQL without TICKET_WEBHOOK_SECRET: each instance would generate its own", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/cagnotte" })).toThrow(/^TICKET_WEBHOOK_SECRET: is required with PostgreSQL/);
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u:p@db:5432/cagnotte", TICKET_WEBHOOK_SECRET: "" })).toThrow(ConfigError);
    expect(loadConfig({}).ticketWebhookSecret).toBeNull(); // SQLite: one process, a generated secret kept in the data folder
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", SLACK_BOT_TOKEN: "" }).port).toBe(3978);
  });
});
