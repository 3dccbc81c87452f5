// The ticket reference people read in every survey, mail subject and notice: the helpdesk's product
// name (not the lower-case route name), Jira's issue key as Jira writes it, "#id" when unnamed.
import { describe, expect, it } from "vitest";
import { ticketRef } from "../../../src/core/ticket-ref.js";

describe("ticketRef", () => {
  it("names each helpdesk as people write it", () => {
    expect(ticketRef({ source: "glpi", externalId: "1287" })).toBe("GLPI #1287");
    expect(ticketRef({ source: "zendesk", externalId: "4821" })).toBe("Zendesk #4821");
    expect(ticketRef({ source: "freshdesk", externalId: "3317" })).toBe("Freshdesk #3317");
  });

  it("shows a Jira issue key without a number sign", () => {
    expect(ticketRef({ source: "jira", externalId: "ITHD-212" })).toBe("Jira ITHD-212");
  });

  it("keeps #id for the generic webhook and the demo, and an unknown source as sent", () => {
    expect(ticketRef({ source: "generic", externalId: "42" })).toBe("#42");
    expect(ticketRef({ source: "demo", externalId: "7" })).toBe("#7");
    expect(ticketRef({ source: "otrs", externalId: "9" })).toBe("otrs #9");
  });
});
