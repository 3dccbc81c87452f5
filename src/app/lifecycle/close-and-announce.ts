// Closing a campaign, the one way: the quarterly rollover (the quarter ended) and management's
// early close (rule 11) both come here, so both lock the campaign, close it, write the audit entry
// and post the final figures the same way, in the caller's transaction.
import type { Campaign } from "../../core/model.js";
import { quarterLabel } from "../../core/campaign/quarter.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";
import { recordAction } from "../management/audit.js";
import { announceCampaignClosed } from "./announcements.js";

export interface Closing {
  at: Date;
  /** A manager's e-mail, or SYSTEM_ACTOR for the rollover. */
  by: string;
  reason: string | null;
  /** Closed by management before its quarter ended. */
  early: boolean;
}

/**
 * Closes `campaign` and enqueues its final figures for the team channel. False when it was not
 * open any more (another instance or a manager closed it first): nothing is written then.
 */
export async function closeAndAnnounce(ctx: AppContext, tx: Repositories, campaign: Campaign, closing: Closing): Promise<boolean> {
  // The lock makes the close wait for answers being counted, so the final figures include them.
  await tx.campaigns.lock(campaign.id);
  const by = closing.by.trim().toLowerCase();
  if (!(await tx.campaigns.close(campaign.id, { at: closing.at, by, reason: closing.reason }))) return false;
  await recordAction(tx, { at: closing.at, actor: by, action: "campaign.close", subject: `campaign:${quarterLabel(campaign)}`, reason: closing.reason, details: { early: closing.early } });
  await announceCampaignClosed(ctx, tx, { ...campaign, status: "closed", closedAt: closing.at }, { now: closing.at, early: closing.early });
  return true;
}
