// Rule 10: management records the payout of an ended campaign (date, amount, reference). It ends
// the monthly reminders and adds to the lifetime total given. A payout that differs from what the
// campaign collected needs a reason; both figures are kept and `history` shows them side by side.
import { DateTime } from "luxon";
import { parseQuarterLabel, quarterLabel } from "../../core/campaign/quarter.js";
import type { AppContext } from "../context.js";
import { recordAction } from "./audit.js";

export type PayoutRefusal = "campaign-not-found" | "campaign-still-open" | "already-paid" | "bad-amount" | "reference-required" | "bad-date" | "payout-differs";

/** "123.45", "123,45", "123" → cents; null when not an amount. */
export function parseAmountCents(text: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*€$/, ""));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
}

export async function recordPayout(
  ctx: AppContext,
  input: { actorEmail: string; campaignLabel: string; amountCents: number; reference: string; paidOn?: Date; reason?: string | null },
): Promise<{ ok: true; campaign: string; amountCents: number; potCents: number } | { ok: false; reason: PayoutRefusal; potCents?: number }> {
  const now = ctx.clock.now();
  const ref = parseQuarterLabel(input.campaignLabel);
  if (!ref) return { ok: false, reason: "campaign-not-found" };
  if (!Number.isInteger(input.amountCents) || input.amountCents <= 0) return { ok: false, reason: "bad-amount" };
  const reference = input.reference.trim();
  if (reference.length < 2 || reference.length > 200) return { ok: false, reason: "reference-required" };
  const paidOn = input.paidOn ?? now;
  // A payout made today may carry any time of today; a later day is a typo.
  const endOfToday = DateTime.fromJSDate(now, { zone: ctx.rules.timeZone }).endOf("day").toJSDate();
  if (Number.isNaN(paidOn.getTime()) || paidOn > endOfToday) return { ok: false, reason: "bad-date" };
  return ctx.store.transaction(async (tx) => {
    const campaign = await tx.campaigns.findByQuarter(ref.year, ref.quarter);
    if (!campaign) return { ok: false, reason: "campaign-not-found" };
    await tx.campaigns.lock(campaign.id);
    if (campaign.status === "open" && now < campaign.endsAt) return { ok: false, reason: "campaign-still-open" };
    if (await tx.campaigns.isPaid(campaign.id)) return { ok: false, reason: "already-paid" };
    const actor = input.actorEmail.toLowerCase();
    const collected = await tx.contributions.potCents(campaign.id);
    const reason = input.reason?.trim() || null;
    if (input.amountCents !== collected && (reason === null || reason.length < 3)) return { ok: false, reason: "payout-differs", potCents: collected };
    await tx.payouts.create({ campaignId: campaign.id, amountCents: input.amountCents, potCents: collected, reason, paidOn, reference, recordedBy: actor, now });
    await recordAction(tx, {
      at: now,
      actor,
      action: "payout.record",
      subject: `campaign:${quarterLabel(campaign)}`,
      reason,
      details: { amountCents: input.amountCents, collectedCents: collected, paidOn: paidOn.toISOString(), reference },
    });
    return { ok: true, campaign: quarterLabel(campaign), amountCents: input.amountCents, potCents: collected };
  });
}
