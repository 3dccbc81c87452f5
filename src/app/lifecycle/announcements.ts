// Team posts and management notices of the campaign lifecycle, written to the outbox in the
// transaction of the change that causes them. Dedupe keys make each announcement happen once,
// however many instances or retries run the job.
import type { Campaign } from "../../core/model.js";
import type { Recipient } from "../../core/views.js";
import { quarterLabel } from "../../core/campaign/quarter.js";
import type { ChatMessage, LocalizedText, TeamPost } from "../../ports/chat-platform.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { toRecipient } from "../outbox/build-messages.js";
import { campaignClosedPost, campaignOpenedPost, chooseCharityNotice } from "../../i18n/lifecycle-texts.js";

export async function managementRecipients(ctx: AppContext, repos: Repositories): Promise<Recipient[]> {
  return Promise.all(
    ctx.admins.map(async (email) => {
      const person = await repos.people.findByEmail(email);
      return person ? toRecipient(person) : { personId: null, email, name: null, locale: null, slackUserId: null, teamsUserId: null };
    }),
  );
}

export async function enqueueTeamPost(tx: Repositories, post: TeamPost, dedupeKey: string, now: Date): Promise<boolean> {
  const message: ChatMessage = { type: "team-post", post };
  const r = await tx.outbox.enqueue({ kind: "team-post", payload: { ...message }, dedupeKey, availableAt: now, now });
  return r.created;
}

export async function enqueueNotice(ctx: AppContext, tx: Repositories, text: LocalizedText, dedupeKey: string, now: Date): Promise<boolean> {
  const to = await managementRecipients(ctx, tx);
  if (to.length === 0) {
    ctx.logger.warn({ dedupeKey }, "management notice not sent: CAGNOTTE_ADMINS is empty");
    return false;
  }
  const message: ChatMessage = { type: "notice", to, text };
  const r = await tx.outbox.enqueue({ kind: "notice", payload: { ...message }, dedupeKey, availableAt: now, now });
  return r.created;
}

/** The final figures of a campaign that just closed, posted to the team channel. */
export async function announceCampaignClosed(ctx: AppContext, tx: Repositories, campaign: Campaign, opts: { now: Date; early: boolean }): Promise<void> {
  const f = await tx.campaigns.figures(campaign.id, ctx.rules.caps);
  const post = campaignClosedPost({
    label: quarterLabel(campaign),
    charityName: campaign.charity?.name ?? null,
    amountCents: f.amountCents,
    countedComments: f.countedComments,
    answers: f.answers,
    positiveShare: f.answers === 0 ? null : f.positiveAnswers / f.answers,
    early: opts.early,
  });
  await enqueueTeamPost(tx, post, `campaign-closed:${campaign.id}`, opts.now);
}

/** A new campaign: told to the team; management is asked to choose when the queue was empty. */
export async function announceCampaignOpened(ctx: AppContext, tx: Repositories, campaign: Campaign, now: Date): Promise<boolean> {
  const label = quarterLabel(campaign);
  const created = await enqueueTeamPost(tx, campaignOpenedPost(label, campaign.charity?.name ?? null), `campaign-opened:${campaign.id}`, now);
  if (campaign.charity === null) await enqueueNotice(ctx, tx, chooseCharityNotice(label), `choose-charity:${campaign.id}`, now);
  return created;
}
