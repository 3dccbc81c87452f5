// The outbox delivers several messages at once; the team channel's progress message must still be
// one message per campaign: two first updates racing each other post once, then edit it.
import { afterEach, describe, expect, it } from "vitest";
import { sendUnit } from "../../src/app/delivery/send.js";
import type { ChatContent, PotProgress } from "../../src/core/views.js";
import type { DeliveryResult, Destination } from "../../src/ports/chat-platform.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext } from "../support/fixtures.js";
import { RecordingPlatform } from "../support/recording-platform.js";

/** A platform whose team posts take a while, as Slack's do under load. */
class SlowTeamPosts extends RecordingPlatform {
  override async post(destination: Destination, content: ChatContent): Promise<DeliveryResult> {
    if (destination.to === "team") await new Promise((resolve) => setTimeout(resolve, 60));
    return super.post(destination, content);
  }
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => close?.());

const progress = (amountCents: number): ChatContent => ({
  kind: "progress",
  progress: { campaignId: "c1", campaignLabel: "2026-Q4", charityName: null, amountCents, countedComments: amountCents / 100, daysLeft: 40, milestoneCents: null, sharedComment: null } as PotProgress,
});

describe("progress message with several deliveries in flight", () => {
  it("posts one progress message per campaign and edits it, however many updates race", async () => {
    const db = await openTestStore("sqlite");
    close = db.close;
    const ctx = testContext(db.store, new FixedClock(new Date("2026-11-20T10:00:00Z")));
    const platform = new SlowTeamPosts();
    const unit = (n: number) => ({ key: `team:${platform.name}:progress`, to: "progress" as const, platform, campaignId: "c1", content: progress(n * 100) });
    const results = await Promise.all([1, 2, 3].map((n) => sendUnit(ctx, [platform], unit(n))));
    expect(results.every((r) => r.status === "sent")).toBe(true);
    const calls = platform.calls.map((c) => c.op);
    expect(calls).toEqual(["post", "update", "update"]);
    // The last figures shown are the last sent.
    expect(platform.calls.at(-1)?.content).toMatchObject({ progress: { amountCents: 300 } });
  });
});
