// Quarterly rollover: close every open campaign whose quarter is over and post its final figures;
// make sure the current quarter's campaign is open (with the next queued charity) and announced.
// Counting never waits for this: campaignFor() opens a quarter's campaign on demand. Safe to run
// again or from several instances: closing is conditional and announcements have dedupe keys.
import type { AppContext } from "../context.js";
import { campaignFor } from "../campaign-for.js";
import { announceCampaignOpened } from "./announcements.js";
import { closeAndAnnounce } from "./close-and-announce.js";
import { SYSTEM_ACTOR } from "./system-actor.js";

export type RolloverReport = { closed: number; opened: number };

export async function rolloverCampaigns(ctx: AppContext, now: Date): Promise<RolloverReport> {
  let closed = 0;
  for (const ended of await ctx.store.lifecycle.endedOpenCampaigns(now)) {
    const done = await ctx.store.transaction((tx) => closeAndAnnounce(ctx, tx, ended, { at: now, by: SYSTEM_ACTOR, reason: "quarter ended", early: false }));
    if (done) closed += 1;
  }
  const opened = await ctx.store.transaction(async (tx) => {
    const { campaign } = await campaignFor(tx, now, { timeZone: ctx.rules.timeZone, now });
    return announceCampaignOpened(ctx, tx, campaign, now);
  });
  return { closed, opened: opened ? 1 : 0 };
}
