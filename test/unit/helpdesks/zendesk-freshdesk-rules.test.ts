// The small rules of the Zendesk and Freshdesk connectors that the integration tests do not walk
// through one by one: statuses in French, type mapping, Freshdesk's triggered_event, HTTP Basic,
// Zendesk redaction markup, the look-up cache's bound and time to live.
import { describe, expect, it } from "vitest";
import { BoundedCache } from "../../../src/adapters/helpdesks/bounded-cache.js";
import { verifyBasicAuth } from "../../../src/adapters/helpdesks/freshdesk/auth.js";
import { kindOfFreshdeskType, readFreshdeskDelivery, statusChangedTo } from "../../../src/adapters/helpdesks/freshdesk/payload.js";
import { retryAfterMs } from "../../../src/adapters/helpdesks/rest-call.js";
import { kindOfZendeskType, readZendeskDelivery } from "../../../src/adapters/helpdesks/zendesk/payload.js";
import { verifyZendeskSignature, zendeskSignature } from "../../../src/adapters/helpdesks/zendesk/signature.js";
import { redactAll } from "../../../src/adapters/helpdesks/zendesk/write-back.js";

const at = new Date("2026-01-05T10:00:00Z");

describe("Zendesk payloads", () => {
  it("reads solved and closed in English or French, and nothing else, as a closure", () => {
    const body = (status: string) => ({ ticket_id: "7", status, ticket_type: "", requester_email: "a@client.example", assignee_email: "b@esn.example" });
    for (const status of ["Solved", "closed", "Résolu", "Clos"]) expect(readZendeskDelivery(body(status), at).kind).toBe("closure");
    for (const status of ["Open", "Pending", "On-hold", "", "{{ticket.status}}"]) expect(readZendeskDelivery(body(status), at)).toEqual({ kind: "ignored", reason: "not-solved-or-closed" });
  });

  it("maps Zendesk types to kinds, an unset type (empty or -) to incident", () => {
    expect(["incident", "problem", null].map(kindOfZendeskType)).toEqual(["incident", "incident", "incident"]);
    expect(["question", "task"].map(kindOfZendeskType)).toEqual(["request", "request"]);
    const closure = readZendeskDelivery({ ticket_id: 7, status: "Solved", ticket_type: "-", updated_at: "not a date" }, at);
    expect(closure).toMatchObject({ kind: "closure", closure: { ticketId: "7", type: null, closedAt: at } });
  });

  it("refuses a signature whose timestamp is unreadable or outside the window, even if it matches", () => {
    const body = Buffer.from("{}");
    const sign = (timestamp: string) => ({ signature: zendeskSignature("s", timestamp, body), timestamp });
    expect(verifyZendeskSignature("s", body, sign("2026-01-05T10:04:59Z"), at)).toEqual({ ok: true });
    expect(verifyZendeskSignature("s", body, sign("2026-01-05T09:54:59Z"), at)).toEqual({ ok: false, problem: "stale" });
    expect(verifyZendeskSignature("s", body, sign("yesterday"), at)).toEqual({ ok: false, problem: "stale" });
    expect(verifyZendeskSignature("s", body, { signature: "x", timestamp: undefined }, at)).toEqual({ ok: false, problem: "missing" });
  });

  it("wraps every piece of text of a comment in <redact>, leaving the markup", () => {
    expect(redactAll('<div class="zd-comment" dir="auto">Note : Bien<br><br>Merci &amp; bravo</div>')).toBe(
      '<div class="zd-comment" dir="auto"><redact>Note : Bien</redact><br><br><redact>Merci &amp; bravo</redact></div>',
    );
  });
});

describe("Freshdesk payloads", () => {
  it("reads the status id a triggered_event moved to", () => {
    expect(statusChangedTo("{status:{from:2,to:5}}")).toBe(5);
    expect(statusChangedTo('{"status":{"from":"3","to":"4"}}')).toBe(4);
    expect(statusChangedTo("{ticket_action:created}")).toBeNull();
  });

  it("lets triggered_event decide over a localised status name", () => {
    const body = (triggered_event: string, ticket_status: string) => ({ freshdesk_webhook: { ticket_id: "9", triggered_event, ticket_status } });
    expect(readFreshdeskDelivery(body("{status:{from:2,to:4}}", "Résolu")).kind).toBe("closure");
    expect(readFreshdeskDelivery(body("{status:{from:2,to:6}}", "Closed"))).toEqual({ kind: "ignored", reason: "not-resolved-or-closed" });
    expect(readFreshdeskDelivery(body("", "Fermé")).kind).toBe("closure");
    expect(readFreshdeskDelivery({ ticket_id: "9", ticket_status: "Closed" }).kind).toBe("closure"); // unwrapped body
  });

  it("maps Freshdesk types to kinds", () => {
    expect(["incident", "problem", null].map(kindOfFreshdeskType)).toEqual(["incident", "incident", "incident"]);
    expect(["question", "feature request", "refund", "service request"].map(kindOfFreshdeskType)).toEqual(["request", "request", "request", "request"]);
  });

  it("accepts exactly the configured HTTP Basic credentials", () => {
    const basic = (s: string) => `Basic ${Buffer.from(s).toString("base64")}`;
    expect(verifyBasicAuth(basic("bot:pa:ss"), "bot", "pa:ss")).toBe(true);
    expect(verifyBasicAuth(basic("bot:pa:s"), "bot", "pa:ss")).toBe(false);
    expect(verifyBasicAuth(basic("bo:tpa:ss"), "bot", "pa:ss")).toBe(false);
    expect(verifyBasicAuth(undefined, "bot", "pa:ss")).toBe(false);
    expect(verifyBasicAuth("Basic !!!", "bot", "pa:ss")).toBe(false);
  });
});

describe("helpdesk API helpers", () => {
  it("keeps at most `max` look-ups, each for its time to live", () => {
    let now = 0;
    const cache = new BoundedCache<string>(2, 1000, () => now);
    cache.set("a", "1");
    cache.set("b", "2");
    cache.set("c", "3");
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "2", "3"]);
    now = 1000;
    expect(cache.get("b")).toBeUndefined();
  });

  it("reads Retry-After in seconds or as a date", () => {
    expect(retryAfterMs("7")).toBe(7000);
    expect(retryAfterMs("Mon, 05 Jan 2026 10:00:30 GMT", at.getTime())).toBe(30_000);
    expect(retryAfterMs(null)).toBeNull();
  });
});
