// Team posts and management notices of the campaign lifecycle, written to the outbox as data in
// the transaction of the change that causes them; they are worded at delivery, in each reader's
// language. Dedupe keys make each announcement happen once, however many instances or retries run
// the job.
import type { Campaign } from "../../core/model.js";
import type { Notice, TeamPost } from "../../core/views.js";
import { quarterLabel } from "../../core/campaign/quarter.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";

export async function enqueueTeamPost(tx: Repositories, post: TeamPost, dedupeKey: string, now: Date): Promise<boolean> {
  const r = await tx.outbox.enqueue({ kind: "team-post", payload: { post }, dedupeKey, availableAt: now, now });
  return r.created;
}

/** A notice to every manager; none when CAGNOTTE_ADMINS is empty (said in the log). */
export async function enqueueNotice(ctx: AppContext, tx: Repositories, notice: Notice, dedupeKey: string, now: Date): Promise<boolean> {
  if (ctx.admins.length === 0) {
    ctx.logger.warn({ dedupeKey }, "management notice not sent: CAGNOTTE_ADMINS is empty");
    return false;
  }
  const r = await tx.outbox.enqueue({ kind: "notice", payload: { notice }, dedupeKey, availableAt: now, now });
  return r.created;
}

/** The final figures of a campaign that just closed, posted to the team channel. */
export async function announceCampaignClosed(ctx: AppContext, tx: Repositories, campaign: Campaign, opts: { now: Date; early: boolean }): Promise<void> {
  const f = await tx.campaigns.figures(campaign.id, ctx.rules.caps);
  const post: TeamPost = {
    kind: "campaign-closed",
    figures: {
      campaignLabel: quarterLabel(campaign),
      charityName: campaign.charity?.name ?? null,
      amountCents: f.amountCents,
      countedComments: f.countedComments,
      answers: f.answers,
      positiveShare: f.answers === 0 ? null : f.positiveAnswers / f.answers,
      early: opts.early,
    },
  };
  await enqueueTeamPost(tx, post, `campaign-closed:${campaign.id}`, opts.now);
}

/** A new campaign: told to the team; management is asked to choose when the queue was empty. */
export async function announceCampaignOpened(ctx: AppContext, tx: Repositories, campaign: Campaign, now: Date): Promise<boolean> {
  const campaignLabel = quarterLabel(campaign);
  const created = await enqueueTeamPost(tx, { kind: "campaign-opened", campaignLabel, charityName: campaign.charity?.name ?? null }, `campaign-opened:${campaign.id}`, now);
  if (campaign.charity === null) await enqueueNotice(ctx, tx, { kind: "choose-charity", campaignLabel }, `choose-charity:${campaign.id}`, now);
  return created;
}
