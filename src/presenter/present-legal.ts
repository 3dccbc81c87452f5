// The privacy notice and the terms of use the Teams manifest links to (PUBLIC_URL/privacy, /terms).
import type { LegalView } from "../core/views.js";
import type { Message } from "./message.js";
import { textsOf, type Presentation } from "./presentation.js";

export function presentPrivacy(view: LegalView, p: Presentation): Message {
  const { legal: t } = textsOf(p);
  return {
    title: t.privacyTitle,
    tone: "default",
    summary: t.privacyTitle,
    blocks: [
      { type: "text", text: t.privacyIntro },
      { type: "list", heading: t.dataTitle, items: t.data },
      { type: "list", heading: t.useTitle, items: t.use },
      { type: "text", text: t.readersTitle, style: "strong" },
      { type: "text", text: t.readers },
      { type: "list", heading: t.keepingTitle, items: t.keeping(view.retentionDays, view.answerableDays) },
      { type: "list", heading: t.rightsTitle, items: t.rights },
      { type: "link", text: t.rulesText, label: t.rulesLabel, url: view.rulesUrl },
      { type: "text", text: t.contact(view.contact), style: "subtle" },
    ],
  };
}

export function presentTerms(view: LegalView, p: Presentation): Message {
  const { legal: t, reglement: r } = textsOf(p);
  return {
    title: t.termsTitle,
    tone: "default",
    summary: t.termsTitle,
    blocks: [
      { type: "text", text: t.termsIntro },
      { type: "list", items: t.termsItems(view.answerableDays) },
      { type: "link", text: t.rulesText, label: t.rulesLabel, url: view.rulesUrl },
      { type: "text", text: r.contact(view.contact), style: "subtle" },
    ],
  };
}
