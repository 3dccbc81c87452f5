// Who a Slack user is (src/adapters/slack/identity.ts): users.info once per person, not per command.
import { describe, expect, it } from "vitest";
import { identityCache } from "../../../src/adapters/slack/identity.js";
import type { WebClient } from "../../../src/adapters/slack/web-client.js";

function slack(answer: (user: string) => Promise<unknown>) {
  const calls: string[] = [];
  const client = { users: { info: async ({ user }: { user: string }) => (calls.push(user), answer(user)) } } as unknown as WebClient;
  return { client, calls };
}

const info = (user: string) => Promise.resolve({ ok: true, user: { id: user, locale: "fr-FR", profile: { email: ` ${user}@Example.com `, real_name: `Name ${user}` } } });

describe("identity cache", () => {
  it("asks Slack once for a burst of commands by someone not yet known, and answers them all", async () => {
    const { client, calls } = slack(async (user) => {
      await new Promise((r) => setTimeout(r, 20));
      return info(user);
    });
    const cache = identityCache();
    const identities = await Promise.all(Array.from({ length: 50 }, (_, i) => cache.get(client, i % 2 ? "U1" : "U2")));
    expect(calls.sort()).toEqual(["U1", "U2"]);
    expect(identities.filter((x) => x.userId === "U1").every((x) => x.email === "u1@example.com" && x.locale === "fr")).toBe(true);
    await cache.get(client, "U1");
    expect(calls).toHaveLength(2);
  });

  it("asks again once the entry is older than its time to live", async () => {
    let t = 0;
    const { client, calls } = slack(info);
    const cache = identityCache(1_000, 10, () => t);
    await cache.get(client, "U1");
    t = 999;
    await cache.get(client, "U1");
    t = 1_000;
    await cache.get(client, "U1");
    expect(calls).toEqual(["U1", "U1"]);
  });

  it("keeps nothing when Slack fails, so the next command asks again; a rate limit reaches every waiting caller", async () => {
    let fail: "error" | "limited" | null = "error";
    const { client, calls } = slack(async (user) => {
      if (fail === "error") throw new Error("missing_scope");
      if (fail === "limited") throw Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error" });
      return info(user);
    });
    const cache = identityCache();
    expect((await cache.get(client, "U1")).email).toBeNull();
    fail = "limited";
    const limited = await Promise.allSettled([cache.get(client, "U1"), cache.get(client, "U1")]);
    expect(limited.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    fail = null;
    expect((await cache.get(client, "U1")).email).toBe("u1@example.com");
    expect(calls).toEqual(["U1", "U1", "U1"]);
  });
});
