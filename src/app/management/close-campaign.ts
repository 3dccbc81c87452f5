// Rule 11: management closes the current campaign early. Answers after that count for nothing
// until the next quarter's campaign opens; the final figures go to the team channel.
import { quarterLabel, quarterOf } from "../../core/campaign/quarter.js";
import type { AppContext } from "../context.js";
import { announceCampaignClosed } from "../lifecycle/announcements.js";
import { recordAction } from "./audit.js";

export type CloseCampaignResult = { ok: true; campaign: string } | { ok: false; reason: "no-open-campaign" };

export async function closeCampaign(ctx: AppContext, input: { actorEmail: string; reason: string | null }): Promise<CloseCampaignResult> {
  const now = ctx.clock.now();
  const q = quarterOf(now, ctx.rules.timeZone);
  return ctx.store.transaction(async (tx): Promise<CloseCampaignResult> => {
    const campaign = await tx.campaigns.findByQuarter(q.year, q.quarter);
    if (!campaign || campaign.status !== "open") return { ok: false, reason: "no-open-campaign" };
    await tx.campaigns.lock(campaign.id);
    const reason = input.reason?.trim() || null;
    if (!(await tx.campaigns.close(campaign.id, { at: now, by: input.actorEmail.toLowerCase(), reason }))) return { ok: false, reason: "no-open-campaign" };
    await recordAction(tx, { at: now, actor: input.actorEmail, action: "campaign.close", subject: `campaign:${quarterLabel(campaign)}`, reason, details: { early: true } });
    await announceCampaignClosed(ctx, tx, { ...campaign, status: "closed", closedAt: now }, { now, early: true });
    return { ok: true, campaign: quarterLabel(campaign) };
  });
}
