// The web answer page's own messages: who asks and for which charity (the head of every page), a
// link that leads to no survey one may answer, and the withdrawal's confirmation step.
import type { AnsweredView, LinkProblemView, WebAskerView } from "../core/views.js";
import { formatMoment } from "../i18n/index.js";
import type { Block, Message } from "./message.js";
import { textsOf, ticketLine, type Presentation } from "./presentation.js";

/** The page's head: the company that asks, and the charity the pot goes to this campaign. */
export function presentAsker(asker: WebAskerView, p: Presentation): Message {
  const { web: w } = textsOf(p);
  const title = asker.companyName ? w.askedBy(asker.companyName) : w.askedByUnnamed;
  const charity = asker.charity ? w.charityIs(asker.campaignLabel, asker.charity.name) : w.charityNotChosen(asker.campaignLabel);
  const blocks: Block[] = [
    asker.charity?.url
      ? { type: "link", text: charity, label: w.charitySite, url: asker.charity.url }
      : { type: "text", text: charity, style: "subtle" },
  ];
  return { title, tone: "default", summary: `${title}. ${charity}`, blocks };
}

/** Who to write to, and the règlement: what every page that cannot answer offers instead. */
function helpBlocks(asker: WebAskerView, p: Presentation): Block[] {
  const { web: w, survey: s } = textsOf(p);
  return [
    { type: "text", text: asker.contact ? w.contactLine(asker.contact) : w.contactUnnamed },
    { type: "link", text: w.rulesAbout, label: s.rulesLink, url: asker.rulesUrl },
  ];
}

/** An unknown (mistyped, cut, altered) or expired survey link: what happened, and what to do. */
export function presentLinkProblem(problem: LinkProblemView, asker: WebAskerView, p: Presentation): Message {
  const { web: w, survey: s } = textsOf(p);
  if (problem.kind === "unknown") {
    return { title: w.notFoundTitle, tone: "attention", summary: w.notFoundTitle, blocks: [{ type: "text", text: w.notFoundText }, ...helpBlocks(asker, p)] };
  }
  const blocks: Block[] = [
    { type: "facts", facts: [{ label: s.ticket, value: ticketLine(problem.ticketRef, problem.ticketTitle) }] },
    { type: "deadline", label: w.expiredOn, at: problem.expiredAt, text: formatMoment(problem.expiredAt, p.locale, p.timeZone) },
    { type: "text", text: w.expiredText },
    ...helpBlocks(asker, p),
  ];
  return { title: w.expiredTitle, tone: "attention", summary: w.expiredTitle, blocks };
}

/**
 * Withdrawal's second step on the web page (no script there to ask "are you sure?"): the comment
 * it would erase, what erasing does, and an explicit yes, or the way back (`backUrl`) keeping it.
 */
export function presentWithdrawConfirm(view: AnsweredView, backUrl: string, p: Presentation): Message {
  const { answer: a, web: w } = textsOf(p);
  const blocks: Block[] = [
    ...(view.comment ? [{ type: "quote" as const, label: a.comment, text: view.comment }] : []),
    { type: "text", text: a.withdrawConfirmText },
    { type: "link", text: w.withdrawNothingYet, label: w.withdrawKeep, url: backUrl },
    { type: "actions", actions: [{ id: "comment.withdraw", label: w.withdrawYes, value: view.answerId, style: "danger" }] },
  ];
  return { title: a.withdrawConfirmTitle, tone: "attention", summary: a.withdrawConfirmTitle, blocks };
}
