// CAGNOTTE_WRITE_BACK: the requester's answer, written back to the helpdesk the ticket came from
// (its satisfaction record or a private note), so that the helpdesk's own reports keep working;
// the comment is removed there again when it may no longer be shown. The message carries only the
// answer's id: what is written is read now, so a comment withdrawn meanwhile is never written.
import type { HelpdeskName, WriteBackAnswer, WriteBackResult } from "../../ports/helpdesk.js";
import { ratingLabel } from "../../presenter/index.js";
import type { AppContext } from "../context.js";
import { personLocale } from "../locale.js";
import { commentFate } from "./contents.js";

/** Where what the helpdesk returned (a note id, a satisfaction id) is kept: MessageRef, platform = helpdesk name. */
export const writeBackPurpose = (answerId: string) => `helpdesk:${answerId}`;

export type WriteBackOutcome = WriteBackResult | { status: "nothing"; reason: string };

export async function writeBackAnswer(ctx: AppContext, payload: { answerId: string; action: "record" | "withdraw" }): Promise<WriteBackOutcome> {
  const answer = await ctx.store.answers.findById(payload.answerId);
  const context = answer && (await ctx.store.surveys.findContext(answer.surveyId));
  if (!answer || !context) return { status: "nothing", reason: "answer not found" };
  const helpdesk = ctx.helpdesks?.find((h) => h.name === context.ticket.source);
  if (!helpdesk?.writeBack) return { status: "nothing", reason: `write-back is off for ${context.ticket.source}` };
  const purpose = writeBackPurpose(answer.id);
  const stored = await ctx.store.messageRefs.get(purpose, helpdesk.name);
  const fate = commentFate(answer);
  // Messages of one answer may be settled out of order (a report, then an approval): a withdrawal
  // of a comment that may be shown again writes it instead, so the helpdesk ends as the bot does.
  const action = payload.action === "withdraw" && fate.comment !== null ? "record" : payload.action;
  const locale = personLocale(ctx, context.requester.locale);
  const written: WriteBackAnswer = {
    answerId: answer.id,
    ticketId: context.ticket.externalId,
    rating: answer.rating,
    ratingScale: answer.ratingScale,
    ratingLabel: ratingLabel(answer.rating, answer.ratingScale, { locale, timeZone: ctx.rules.timeZone, commandPrefix: "", milestoneCents: ctx.rules.milestoneCents }),
    comment: fate.comment,
    requesterEmail: context.requester.email,
    answeredAt: answer.answeredAt,
    locale,
    previousRef: stored?.ref ?? null,
  };
  const result = action === "record" ? await helpdesk.writeBack.record(written) : await helpdesk.writeBack.withdraw(written);
  if (result.status === "done") await ctx.store.messageRefs.save({ purpose, platform: helpdesk.name satisfies HelpdeskName, ref: result.ref, now: ctx.clock.now() });
  return result;
}
