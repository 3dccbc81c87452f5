// One rule for the client's id across the four helpdesks: "<helpdesk>:<the helpdesk's own id>".
// Two helpdesks both numbering a client 3 must give two clients (and two caps), never one.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readGlpiDelivery } from "../../../src/adapters/helpdesks/glpi/payload.js";
import { readJiraDelivery } from "../../../src/adapters/helpdesks/jira/payload.js";
import { clientOf } from "../../../src/adapters/helpdesks/lookup.js";

const fixtures = join(import.meta.dirname, "../../fixtures/helpdesks");
const fixture = (name: string) => JSON.parse(readFileSync(join(fixtures, name), "utf8")) as Record<string, unknown>;

describe("client ids", () => {
  it("are prefixed by the helpdesk's name for all four, so the same number in two helpdesks is two clients", () => {
    const glpi = fixture("glpi-ticket-solved.json") as { item: { entity: { id: number } } };
    glpi.item.entity.id = 3;
    const ids = [
      (readGlpiDelivery(glpi) as { closure: { client: { id: string } } }).closure.client.id,
      clientOf("zendesk", { id: "3", name: null }, "a@client.example").id,
      clientOf("freshdesk", { id: null, name: "3" }, "a@client.example").id,
    ];
    expect(ids).toEqual(["glpi:3", "zendesk:3", "freshdesk:3"]);
    const jira = readJiraDelivery(fixture("jira-issue-resolved.json"), null) as { closure: { client: { id: string } } };
    expect(jira.closure.client.id).toBe("jira:project:ITHD");
  });

  it("fall back on the requester's e-mail domain, prefixed too, when the ticket names no organisation", () => {
    expect(clientOf("zendesk", { id: null, name: null }, "Julie@Client.Example")).toEqual({ id: "zendesk:client.example", name: "client.example" });
    expect(clientOf("freshdesk", { id: null, name: null }, "julie@client.example").id).toBe("freshdesk:client.example");
  });
});
