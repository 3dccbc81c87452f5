// SMTP_URL and MAIL_FROM: both or neither, an smtp(s) URL, a sender with an address; a bad value
// stops start-up naming the variable, and never echoes the password. SMTP errors become delivery
// results the outbox understands (5xx to the recipient: unreachable; the rest: retry).
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";
import { smtpResult, surveyMessageId } from "../../../src/adapters/mail/smtp-mail-channel.js";

const load = (env: Record<string, string>) => loadConfig({ DATABASE_URL: "file:./data/test.db", ...env });
const failure = (env: Record<string, string>) => {
  try {
    load(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("loadConfig accepted it");
};

describe("e-mail settings", () => {
  it("are off when neither is set, and read the host for the log", () => {
    expect(load({}).mail).toBeNull();
    expect(load({ SMTP_URL: "smtps://u:p%40ss@smtp.esn.example:465", MAIL_FROM: '"Cagnotte" <cagnotte@esn.example>' }).mail).toEqual({
      smtpUrl: "smtps://u:p%40ss@smtp.esn.example:465",
      from: '"Cagnotte" <cagnotte@esn.example>',
      host: "smtp.esn.example",
    });
  });

  it("refuse one without the other, another scheme, or a sender without an address, never quoting the password", () => {
    expect(failure({ SMTP_URL: "smtp://u:hunter22@smtp.esn.example:587" }).variable).toBe("MAIL_FROM");
    expect(failure({ MAIL_FROM: "cagnotte@esn.example" }).variable).toBe("SMTP_URL");
    const scheme = failure({ SMTP_URL: "http://u:hunter22@smtp.esn.example", MAIL_FROM: "cagnotte@esn.example" });
    expect(scheme.variable).toBe("SMTP_URL");
    expect(scheme.message).not.toContain("hunter22");
    expect(failure({ SMTP_URL: "smtp://smtp.esn.example", MAIL_FROM: "Cagnotte" }).variable).toBe("MAIL_FROM");
  });
});

describe("SMTP answers", () => {
  it("a 5xx to the recipient or the message is final; a 4xx, a 5xx elsewhere or a connection error is passing", () => {
    expect(smtpResult({ code: "EENVELOPE", command: "RCPT TO", responseCode: 550, response: "550 5.1.1 <marie@client.example> unknown" })).toEqual({
      status: "unreachable",
      reason: "smtp EENVELOPE at RCPT TO: 550 5.1.1 <…> unknown",
    });
    expect(smtpResult({ code: "EMESSAGE", command: "DATA", responseCode: 554, response: "554 rejected" }).status).toBe("unreachable");
    expect(smtpResult({ code: "EENVELOPE", command: "RCPT TO", responseCode: 451, response: "451 try later" }).status).toBe("retry");
    expect(smtpResult({ code: "EAUTH", command: "AUTH PLAIN", responseCode: 535, response: "535 bad credentials" }).status).toBe("retry");
    expect(smtpResult({ code: "ECONNECTION", message: "connect ECONNREFUSED" }).status).toBe("retry");
  });

  it("names each survey's mail and its reminder with their own stable Message-ID on the sender's domain", () => {
    expect(surveyMessageId('"Cagnotte" <cagnotte@esn.example>', "s-1", false)).toBe("<survey-s-1@esn.example>");
    expect(surveyMessageId("cagnotte@esn.example", "s-1", true)).toBe("<survey-s-1.reminder@esn.example>");
  });
});
