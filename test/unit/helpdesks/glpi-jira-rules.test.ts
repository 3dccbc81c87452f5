// GLPI and Jira rules that need no server: GLPI's signature window over the reference vector, its
// payload mapping, the rating on GLPI's 1–5 stars, Jira's issue types, and Retry-After.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkGlpiSignature, glpiChallengeAnswer } from "../../../src/adapters/helpdesks/glpi/signature.js";
import { readGlpiDelivery } from "../../../src/adapters/helpdesks/glpi/payload.js";
import { glpiSatisfaction } from "../../../src/adapters/helpdesks/glpi/write-back.js";
import { kindOfIssueType } from "../../../src/adapters/helpdesks/jira/payload.js";

const fixtures = join(import.meta.dirname, "../../fixtures/helpdesks");
const closed = readFileSync(join(fixtures, "glpi-ticket-closed.json"));
const SECRET = "Wq7Zt2Lm9Xc4Rv8Bn1Kp5Hs3Df6Gj0Ya2Ue4Ti7O";
const headers = { signature: "291b1e0e6c3f81493f3037b957a608d61f797eaca0d4d421a643ea3a7cd8d2af", timestamp: "1760627112" };
const signedAt = 1760627112 * 1000;

describe("GLPI", () => {
  it("accepts the reference signature up to 24 hours after its timestamp and 5 minutes before, and nothing else", () => {
    expect(checkGlpiSignature(SECRET, closed, headers, new Date(signedAt + 24 * 3_600_000))).toBe("ok");
    expect(checkGlpiSignature(SECRET, closed, headers, new Date(signedAt + 24 * 3_600_000 + 1_000))).toBe("stale");
    expect(checkGlpiSignature(SECRET, closed, headers, new Date(signedAt - 5 * 60_000))).toBe("ok");
    expect(checkGlpiSignature(SECRET, closed, headers, new Date(signedAt - 6 * 60_000))).toBe("stale");
    expect(checkGlpiSignature(SECRET, closed, { ...headers, timestamp: "1760627113" }, new Date(signedAt))).toBe("invalid");
    expect(checkGlpiSignature("another-secret", closed, headers, new Date(signedAt))).toBe("invalid");
    expect(checkGlpiSignature(SECRET, closed, { timestamp: headers.timestamp }, new Date(signedAt))).toBe("missing");
    expect(glpiChallengeAnswer(SECRET, "e0ba87d1735980eafdb2c9777502fca02182ec61c2c16c1a04856cab62e11882")).toBe("a372be3adfda57359ca31702aaf30e0ec64c4a4f5d45c9b9ddc54601b03ae011");
  });

  it("maps the reference body, and skips a group in the team to find the assigned user", () => {
    const json = JSON.parse(closed.toString()) as { item: { type: number; team: { role: string; href: string }[] } };
    expect(readGlpiDelivery(json)).toMatchObject({ kind: "closure", closure: { ticketId: "1287", kind: "incident", requester: { userId: 42, login: "jdupont", name: "Julie Dupont" }, technician: { userId: 7 }, client: { id: "glpi:3", name: "Lyon office" } } });
    json.item.type = 2;
    json.item.team.splice(1, 0, { role: "assigned", href: "/front/group.form.php?id=3" });
    expect(readGlpiDelivery(json)).toMatchObject({ closure: { kind: "request", technician: { userId: 7 } } });
    json.item.team = json.item.team.filter((m) => m.role !== "assigned");
    expect(readGlpiDelivery(json)).toEqual({ kind: "ignored", reason: "no-technician" });
    expect(readGlpiDelivery({ hello: 1 })).toMatchObject({ kind: "invalid", fields: ["event", "item"] });
  });

  it("puts 3-point ratings on GLPI's stars as 1, 3, 5 and 5-point ones as they are", () => {
    expect([1, 2, 3].map((r) => glpiSatisfaction(r, 3))).toEqual([1, 3, 5]);
    expect([1, 2, 3, 4, 5].map((r) => glpiSatisfaction(r, 5))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("Jira and Retry-After", () => {
  it("maps issue types to kinds", () => {
    expect(kindOfIssueType("[System] Incident")).toBe("incident");
    expect(kindOfIssueType("[System] Service request")).toBe("request");
    expect(kindOfIssueType("Service request with approvals")).toBe("request");
    expect(kindOfIssueType("Change")).toBe("change");
    expect(kindOfIssueType(null)).toBe("incident");
  });
});
