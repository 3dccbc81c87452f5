// Management's charity queue: the next campaign takes the first one. Charities are named in
// commands by their queue position (as `charity list` shows them).
import type { Charity } from "../../core/model.js";
import { quarterLabel, quarterOf } from "../../core/campaign/quarter.js";
import type { AppContext } from "../context.js";
import { recordAction } from "./audit.js";

export type CharityRefusal = "name-required" | "bad-url" | "not-in-queue" | "bad-position" | "charity-not-vetted" | "bad-date";

const MAX_NAME = 120;

/** The current campaign's charity as well as the queue: "who gets this quarter's pot?" comes first. */
export async function listCharities(ctx: AppContext): Promise<{ charities: Charity[]; current: { campaignLabel: string; charityName: string | null } | null }> {
  const q = quarterOf(ctx.clock.now(), ctx.rules.timeZone);
  const campaign = await ctx.store.campaigns.findByQuarter(q.year, q.quarter);
  return {
    charities: await ctx.store.charities.queue(),
    current: campaign ? { campaignLabel: quarterLabel(campaign), charityName: campaign.charity?.name ?? null } : null,
  };
}

/**
 * Adds a charity at the end of the queue. If the current campaign opened without one (empty
 * queue), the new charity becomes its beneficiary at once: that is what management was asked for.
 */
export async function addCharity(
  ctx: AppContext,
  input: { actorEmail: string; name: string; url?: string | null; vettedOn: Date | null },
): Promise<{ ok: true; charity: Charity; assignedTo: string | null } | { ok: false; reason: CharityRefusal }> {
  const name = input.name.trim();
  if (!name || name.length > MAX_NAME) return { ok: false, reason: "name-required" };
  if (input.url && !/^https?:\/\/\S+$/i.test(input.url)) return { ok: false, reason: "bad-url" };
  // The règlement: a charity neither religious, political nor union-affiliated, its probity checked.
  if (!input.vettedOn) return { ok: false, reason: "charity-not-vetted" };
  const now = ctx.clock.now();
  if (Number.isNaN(input.vettedOn.getTime()) || input.vettedOn > now) return { ok: false, reason: "bad-date" };
  const vetting = { on: input.vettedOn, by: input.actorEmail.trim().toLowerCase() };
  return ctx.store.transaction(async (tx) => {
    const charity = await tx.charities.add({ name, url: input.url ?? null, vetting, now });
    const q = quarterOf(now, ctx.rules.timeZone);
    const current = await tx.campaigns.findByQuarter(q.year, q.quarter);
    let assignedTo: string | null = null;
    if (current && current.status === "open" && current.charity === null) {
      await tx.campaigns.setCharity(current.id, charity.id);
      await tx.charities.dequeue(charity.id);
      assignedTo = quarterLabel(current);
    }
    await recordAction(tx, {
      at: now,
      actor: input.actorEmail,
      action: "charity.add",
      subject: `charity:${charity.id}`,
      details: { name, assignedTo, vettedOn: vetting.on.toISOString() },
    });
    return { ok: true, charity, assignedTo };
  });
}

/** Moves the charity at queue position `from` (1-based) to position `to`. */
export async function reorderCharity(ctx: AppContext, input: { actorEmail: string; from: number; to: number }): Promise<{ ok: true; queue: Charity[] } | { ok: false; reason: CharityRefusal }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const queue = await tx.charities.queue();
    const moved = queue[input.from - 1];
    if (!moved) return { ok: false, reason: "not-in-queue" };
    if (!Number.isInteger(input.to) || input.to < 1 || input.to > queue.length) return { ok: false, reason: "bad-position" };
    const order = queue.filter((c) => c.id !== moved.id);
    order.splice(input.to - 1, 0, moved);
    await tx.charities.reorder(order.map((c) => c.id));
    await recordAction(tx, { at: now, actor: input.actorEmail, action: "charity.reorder", subject: `charity:${moved.id}`, details: { from: input.from, to: input.to } });
    return { ok: true, queue: await tx.charities.queue() };
  });
}

/** Takes the charity at queue position `position` off the queue (past campaigns keep it). */
export async function removeCharity(ctx: AppContext, input: { actorEmail: string; position: number }): Promise<{ ok: true; charity: Charity } | { ok: false; reason: CharityRefusal }> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx) => {
    const queue = await tx.charities.queue();
    const charity = queue[input.position - 1];
    if (!charity) return { ok: false, reason: "not-in-queue" };
    await tx.charities.dequeue(charity.id);
    await tx.charities.reorder(queue.filter((c) => c.id !== charity.id).map((c) => c.id));
    await recordAction(tx, { at: now, actor: input.actorEmail, action: "charity.remove", subject: `charity:${charity.id}`, details: { name: charity.name } });
    return { ok: true, charity };
  });
}

/**
 * CAGNOTTE_CHARITY on a fresh install: the first charity joins the queue (and becomes the current
 * campaign's beneficiary if it has none), so the first quarter does not open without one. Once any
 * charity has been recorded, management's queue decides and this does nothing.
 */
export async function ensureFirstCharity(ctx: AppContext, name: string | null): Promise<string | null> {
  if (!name) return null;
  const known = (await ctx.store.charities.queue()).length > 0 || (await ctx.store.campaigns.history()).some((c) => c.charityName !== null);
  if (known) return null;
  // Whoever sets CAGNOTTE_CHARITY attests the règlement's criteria (README), on the day it is first used.
  const r = await addCharity(ctx, { actorEmail: "CAGNOTTE_CHARITY", name, vettedOn: ctx.clock.now() });
  return r.ok ? r.charity.name : null;
}
