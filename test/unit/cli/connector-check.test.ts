// `npm run connector:check -- <helpdesk>` on an instance where that helpdesk is not set up: one ✗
// line that tells the webhook's own settings (what enables the endpoint) apart from its API's, and
// exit code 1. No network and no database are touched on this path.
import { describe, expect, it } from "vitest";
import { connectorCheck } from "../../../src/cli/connector-check.js";

async function run(name: string | undefined, env: Record<string, string>) {
  const lines: string[] = [];
  const code = await connectorCheck(name, env, (l) => lines.push(l));
  return { code, lines };
}

describe("connector:check without the helpdesk's settings", () => {
  it("names the webhook's settings as what enables it, and the API's apart", async () => {
    const { code, lines } = await run("zendesk", {});
    expect(code).toBe(1);
    expect(lines).toEqual([
      "✗ zendesk connector — not configured on this instance: set ZENDESK_WEBHOOK_SECRET to enable its webhook; its API also needs ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_API_TOKEN (see README, Helpdesks)",
    ]);
  });

  it("asks for both Basic credentials of Freshdesk", async () => {
    const { code, lines } = await run("freshdesk", {});
    expect(code).toBe(1);
    expect(lines).toEqual([
      "✗ freshdesk connector — not configured on this instance: set FRESHDESK_WEBHOOK_USER and FRESHDESK_WEBHOOK_PASSWORD to enable its webhook; its API also needs FRESHDESK_URL, FRESHDESK_API_KEY (see README, Helpdesks)",
    ]);
  });

  it("prints the usage for an unknown helpdesk", async () => {
    const { code, lines } = await run("otrs", {});
    expect(code).toBe(1);
    expect(lines).toEqual(["usage: npm run connector:check -- <glpi|zendesk|freshdesk|jira>"]);
  });
});
