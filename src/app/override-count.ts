// Rule 6: management counts an answer anyway (no comment, beyond the caps), with who, when and why
// written to the audit log in the same transaction.
import { checkOverride, type OverrideRefusal } from "../core/rules/override.js";
import type { AppContext } from "./context.js";
import { isAdmin } from "./context.js";
import { enqueuePotProgress } from "./answer-messages.js";

export type OverrideResult =
  | { ok: true; answerId: string; addedCents: number; potCents: number }
  | { ok: false; reason: OverrideRefusal | "not-management" | "answer-not-found" };

export async function overrideCount(
  ctx: AppContext,
  input: { actorEmail: string; answerId: string; reason: string },
): Promise<OverrideResult> {
  if (!isAdmin(ctx, input.actorEmail)) return { ok: false, reason: "not-management" };
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx): Promise<OverrideResult> => {
    const answer = await tx.answers.findById(input.answerId);
    if (!answer) return { ok: false, reason: "answer-not-found" };
    await tx.campaigns.lock(answer.campaignId);
    const existing = await tx.contributions.findByAnswer(answer.id);
    const check = checkOverride({
      existing,
      reason: input.reason,
      moderation: answer.moderation,
      withdrawn: answer.withdrawnAt !== null,
      campaignPaid: await tx.campaigns.isPaid(answer.campaignId),
    });
    if (!check.ok) return check;
    const context = await tx.surveys.findContext(answer.surveyId);
    if (!context) throw new Error(`answer ${answer.id} has no survey ${answer.surveyId}`);
    const potBefore = await tx.contributions.potCents(answer.campaignId);
    const amountCents = ctx.rules.amountCents;
    if (existing) await tx.contributions.reactivate(existing.id, { kind: "override", amountCents, at: now });
    else {
      await tx.contributions.create({
        answerId: answer.id,
        campaignId: answer.campaignId,
        requesterId: answer.personId,
        clientId: context.client.id,
        kind: "override",
        amountCents,
        at: now,
      });
    }
    await tx.answers.setOutcome(answer.id, "override");
    await tx.audit.append({
      at: now,
      actor: input.actorEmail.toLowerCase(),
      action: "contribution.override",
      subject: `answer:${answer.id}`,
      reason: input.reason.trim(),
      details: { amountCents, previousOutcome: answer.outcome, campaignId: answer.campaignId },
    });
    await enqueuePotProgress(tx, { campaignId: answer.campaignId, potBefore, potAfter: potBefore + amountCents, answerId: null, now });
    return { ok: true, answerId: answer.id, addedCents: amountCents, potCents: potBefore + amountCents };
  });
}
