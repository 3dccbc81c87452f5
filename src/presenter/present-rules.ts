// The règlement page: the rules with this installation's amount, caps, current campaign and contact.
import type { RulesView } from "../core/views.js";
import { formatEuros } from "../i18n/index.js";
import type { Block, Message } from "./message.js";
import { textsOf, type Presentation } from "./presentation.js";

export function presentRules(view: RulesView, p: Presentation): Message {
  const { reglement: t } = textsOf(p);
  const money = (cents: number) => formatEuros(cents, p.locale);
  const c = view.campaign;
  const blocks: Block[] = [
    { type: "text", text: t.intro(money(view.amountCents)) },
    { type: "list", heading: t.countsTitle, items: t.counts(view.caps.perRequester, view.caps.perClient) },
    ...(c
      ? [
          { type: "text" as const, text: t.campaignTitle, style: "strong" as const },
          {
            type: "facts" as const,
            facts: [
              { label: t.campaign, value: c.campaignLabel },
              { label: t.charity, value: c.charityName ?? t.noCharity },
              { label: t.collected, value: money(c.amountCents) },
              { label: t.counted, value: String(c.countedComments) },
              { label: t.daysLeft, value: c.open ? String(c.daysLeft) : t.closed },
            ],
          },
        ]
      : []),
    { type: "list", heading: t.rightsTitle, items: t.rights(view.answerableDays) },
    { type: "list", heading: t.charityTitle, items: t.charityRules },
    { type: "text", text: t.acceptance, style: "strong" },
    { type: "text", text: t.contact(view.contact), style: "subtle" },
  ];
  return { title: t.title, tone: "default", summary: t.title, blocks };
}
