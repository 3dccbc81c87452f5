// Rule 11: management closes the current campaign early. Answers after that count for nothing
// until the next quarter's campaign opens; the final figures go to the team channel. The closing
// itself is the rollover's (closeAndAnnounce), only the actor, reason and `early` differ.
import { quarterLabel, quarterOf } from "../../core/campaign/quarter.js";
import type { AppContext } from "../context.js";
import { closeAndAnnounce } from "../lifecycle/close-and-announce.js";

export type CloseCampaignResult = { ok: true; campaign: string } | { ok: false; reason: "no-open-campaign" };

export async function closeCampaign(ctx: AppContext, input: { actorEmail: string; reason: string | null }): Promise<CloseCampaignResult> {
  const now = ctx.clock.now();
  const q = quarterOf(now, ctx.rules.timeZone);
  return ctx.store.transaction(async (tx): Promise<CloseCampaignResult> => {
    const campaign = await tx.campaigns.findByQuarter(q.year, q.quarter);
    if (!campaign || campaign.status !== "open") return { ok: false, reason: "no-open-campaign" };
    const closed = await closeAndAnnounce(ctx, tx, campaign, { at: now, by: input.actorEmail, reason: input.reason?.trim() || null, early: true });
    return closed ? { ok: true, campaign: quarterLabel(campaign) } : { ok: false, reason: "no-open-campaign" };
  });
}
