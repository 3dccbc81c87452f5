// The HTML renderer lays out the presenter's message and words nothing itself.
import { describe, expect, it } from "vitest";
import { renderPage, type PageContent, type PageFrame } from "../../../src/adapters/http/web-survey/pages.js";
import { parseRating, presetRating, readAnswerForm, readWithdrawConfirmed } from "../../../src/adapters/http/web-survey/answer-form.js";
import type { Locale } from "../../../src/core/model.js";
import type { AnsweredView, SurveyPrompt } from "../../../src/core/views.js";
import { textsFor } from "../../../src/i18n/index.js";
import {
  messageTexts,
  presentAnswered,
  presentAsker,
  presentLinkProblem,
  presentRefusal,
  presentSurvey,
  presentWithdrawConfirm,
  type Message,
  type Presentation,
} from "../../../src/presenter/index.js";
import { attribute, messageStrings, visibleTexts } from "../../support/html-page.js";

const at = (locale: Locale): Presentation => ({ locale, timeZone: "Europe/Paris", commandPrefix: "", milestoneCents: 1000 });
const frame = (locale: Locale): PageFrame => ({ locale, answerPath: "/s/tok", withdrawPath: "/s/tok/withdraw" });

const prompt: SurveyPrompt = {
  surveyId: "survey-1",
  surveyUrl: "http://localhost/s/tok",
  rulesUrl: "http://localhost/reglement",
  ticketRef: "#4521",
  ticketTitle: `Imprimante <script>alert("x")</script>`,
  technicianName: "Camille & Co",
  clientName: "ACME",
  ratingScale: 3,
  amountCents: 100,
  caps: { perRequester: 3, perClient: 10 },
  expiresAt: new Date("2026-12-03T17:00:00Z"),
  reminder: false,
};

const view: AnsweredView = {
  surveyId: "survey-1",
  answerId: `answer"><b>1`,
  ticketRef: "#4521",
  ticketTitle: "Imprimante",
  rating: 3,
  ratingScale: 3,
  comment: "Merci <b>Camille</b> !",
  shareConsent: true,
  addedCents: 100,
  withdrawn: null,
};

/** Every visible text is one of the messages' own strings, and every text of theirs is shown. */
function expectOnlyTheirWords(page: string, ...messages: Message[]) {
  const own = new Set(messages.flatMap((m) => [...messageStrings(m)]));
  for (const text of visibleTexts(page)) expect(own, `"${text}" is not the message's`).toContain(text);
  const shown = visibleTexts(page);
  for (const text of messages.flatMap(messageTexts)) expect(shown).toContain(text);
}

const forms = (page: string) => [...page.matchAll(/<form\b[^>]*>|<\/form>/g)].map((m) => (m[0].startsWith("</") ? "close" : "open"));

describe("HTML renderer", () => {
  for (const locale of ["fr", "en"] as const) {
    it(`lays out the survey in ${locale} with the message's words only`, () => {
      const survey = presentSurvey(prompt, at(locale));
      const page = renderPage(frame(locale), { message: survey });
      expectOnlyTheirWords(page, survey);
      expect(page).toContain(`<html lang="${locale}">`);
      expect(page).toContain(`<h1>${textsFor(locale).survey.header("#4521")}</h1>`);
      expect(page).toMatch(/<dl><dt>[^<]+<\/dt><dd>[^<]+<\/dd>/);
    });

    it(`lays out the answered and withdrawn views and a refusal in ${locale}`, () => {
      const answered = presentAnswered(view, at(locale));
      expectOnlyTheirWords(renderPage(frame(locale), { message: answered }), answered);
      const withdrawn = presentAnswered({ ...view, comment: null, withdrawn: { reversedCents: 100 } }, at(locale));
      expectOnlyTheirWords(renderPage(frame(locale), { message: withdrawn }), withdrawn);
      const refusal = presentRefusal({ code: "survey-expired" }, at(locale));
      const page = renderPage(frame(locale), { heading: textsFor(locale).web.expiredTitle, alert: refusal });
      expect(visibleTexts(page)).toEqual([textsFor(locale).web.expiredTitle, textsFor(locale).web.expiredTitle, refusal.title]);
    });
  }

  it("makes the inputs one accessible form posting to the token's path", () => {
    const page = renderPage(frame("fr"), { message: presentSurvey(prompt, at("fr")) });
    expect(forms(page)).toEqual(["open", "close"]);
    expect(attribute(page, "form", "method")).toBe("post");
    expect(attribute(page, "form", "action")).toBe("/s/tok");
    // Rating: a required radio group under a legend, best first.
    expect(page).toMatch(/<fieldset><legend>Votre évaluation<\/legend>/);
    const radios = [...page.matchAll(/<input type="radio" name="rating" value="(\d)" required>/g)].map((m) => m[1]);
    expect(radios).toEqual(["3", "2", "1"]);
    // Comment: labelled, bounded, its hint tied to it.
    expect(attribute(page, "textarea", "id")).toBe("comment");
    expect(page).toContain(`<label for="comment">`);
    expect(attribute(page, "textarea", "maxlength")).toBe("1000");
    expect(attribute(page, "textarea", "aria-describedby")).toBe("comment-hint");
    expect(page).toMatch(/<p class="note" id="comment-hint">1\u202f?.?000 caractères/);
    // Share: a labelled checkbox with its hint.
    expect(page).toMatch(/<label for="share"><input type="checkbox" id="share" name="share" aria-describedby="share-hint">/);
    expect(page).toContain(`id="share-hint"`);
    // The submit button is inside the form, the deadline a machine-readable time.
    expect(page.indexOf(`<button type="submit">Envoyer</button>`)).toBeLessThan(page.indexOf("</form>"));
    expect(page).toContain(`<time datetime="2026-12-03T17:00:00.000Z">`);
  });

  it("escapes every string it places, in text and in attributes", () => {
    const page = renderPage(frame("fr"), { message: presentSurvey(prompt, at("fr")) });
    expect(page).not.toContain("<script>");
    expect(page).toContain("Imprimante &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain("Camille &amp; Co");
    const answered = renderPage(frame("fr"), { message: presentAnswered(view, at("fr")) });
    expect(answered).not.toContain("<b>");
    const confirm = renderPage(frame("fr"), { message: presentWithdrawConfirm(view, "/s/tok", at("fr")) });
    expect(confirm).toContain(`name="answerId" value="answer&quot;&gt;&lt;b&gt;1"`);
    expect(confirm).toContain(`<blockquote>Merci &lt;b&gt;Camille&lt;/b&gt; !</blockquote>`);
    expect(answered).toMatch(/<figure><figcaption>Votre commentaire<\/figcaption><blockquote>Merci &lt;b&gt;Camille&lt;\/b&gt; !<\/blockquote><\/figure>/);
  });

  it("shows what was typed again, under the refusal announced as an alert", () => {
    const content: PageContent = {
      message: presentSurvey(prompt, at("en")),
      alert: presentRefusal({ code: "comment-too-long" }, at("en")),
      values: { rating: 2, comment: "</textarea><script>x</script>", share: true },
    };
    const page = renderPage(frame("en"), content);
    expect(page).toMatch(/<h1>[^<]+<\/h1><div class="alert" role="alert" id="answer-error"><p><strong>The comment is longer than 1,000 characters.<\/strong><\/p><\/div>/);
    expect(page).toContain(`<input type="radio" name="rating" value="2" required checked>`);
    expect(page).toContain(`>&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>`);
    expect(page).toMatch(/name="share" aria-describedby="share-hint" checked>/);
  });

  it("offers withdrawal as a first step that only asks (GET), then an explicit yes that posts", () => {
    const { answer: a, web: w } = textsFor("en");
    const page = renderPage(frame("en"), { message: presentAnswered({ ...view, answerId: "answer-1" }, at("en")) });
    expect(forms(page)).toEqual(["open", "close"]);
    expect(attribute(page, "form", "action")).toBe("/s/tok/withdraw");
    expect(attribute(page, "form", "method")).toBe("get");
    expect(page).toContain(`<form method="get" action="/s/tok/withdraw"><p><button class="secondary" type="submit">${a.withdraw}</button></p></form>`);
    expect(page).not.toContain("answerId");
    const confirm = presentWithdrawConfirm({ ...view, answerId: "answer-1" }, "/s/tok", at("en"));
    const second = renderPage(frame("en"), { message: confirm });
    expectOnlyTheirWords(second, confirm);
    expect(forms(second)).toEqual(["open", "close"]);
    expect(second).toContain(
      `<form method="post" action="/s/tok/withdraw"><input type="hidden" name="answerId" value="answer-1"><input type="hidden" name="confirm" value="yes"><p><button class="danger" type="submit">${w.withdrawYes}</button></p></form>`,
    );
    expect(attribute(second, "a", "href")).toBe("/s/tok");
    // Nothing left to withdraw: no form at all.
    expect(forms(renderPage(frame("en"), { message: presentAnswered({ ...view, comment: null, withdrawn: { reversedCents: 0 } }, at("en")) }))).toEqual([]);
  });
});

describe("web page's own messages", () => {
  const asker = { companyName: "ESN & Co", campaignLabel: "2026-Q4", charity: { name: "Rêves <de> Gosse", url: "https://reves.example/" }, contact: "help@esn.example", rulesUrl: "https://esn.example/r" };
  for (const locale of ["fr", "en"] as const) {
    it(`puts who asks in a header above the page, escaped, in ${locale}`, () => {
      const { web: w } = textsFor(locale);
      const head = presentAsker(asker, at(locale));
      const survey = presentSurvey(prompt, at(locale));
      const page = renderPage(frame(locale), { message: survey, asker: head });
      expectOnlyTheirWords(page, survey, head);
      expect(page).toContain(`<body><header class="asker"><p><strong>${w.askedBy("ESN &amp; Co")}</strong></p>`);
      expect(page).toContain("Rêves &lt;de&gt; Gosse");
      expect(page.indexOf("</header><main><section")).toBeGreaterThan(0);
      expect(messageTexts(presentAsker({ ...asker, companyName: null, charity: null }, at(locale)))).toEqual([w.askedByUnnamed, w.charityNotChosen("2026-Q4")]);
    });

    it(`explains an unknown and an expired link with who to contact and the règlement, in ${locale}`, () => {
      const { web: w, survey: s } = textsFor(locale);
      const unknown = presentLinkProblem({ kind: "unknown" }, asker, at(locale));
      expect(messageTexts(unknown)).toEqual([w.notFoundTitle, w.notFoundText, w.contactLine("help@esn.example"), w.rulesAbout, s.rulesLink]);
      const expired = presentLinkProblem({ kind: "expired", ticketRef: "#7", ticketTitle: null, expiredAt: new Date("2026-03-31T21:59:00Z") }, { ...asker, contact: null }, at(locale));
      const page = renderPage(frame(locale), { message: expired });
      expectOnlyTheirWords(page, expired);
      expect(page).toContain(`<time datetime="2026-03-31T21:59:00.000Z">`);
      expect(visibleTexts(page)).toContain(w.contactUnnamed);
    });

    it(`says why an answer added nothing to the pot, in ${locale}`, () => {
      const { answer: a } = textsFor(locale);
      const capped = presentAnswered({ ...view, addedCents: 0, notCounted: "requester-cap-reached" }, at(locale));
      expect(messageTexts(capped)).toContain(a.notCountedBecause["requester-cap-reached"]);
      const bare = presentAnswered({ ...view, comment: null, shareConsent: false, addedCents: 0, notCounted: "no-comment" }, at(locale));
      expect(messageTexts(bare)).toEqual(expect.arrayContaining([a.notCounted, a.notCountedBecause["no-comment"]]));
      expect(messageTexts(presentAnswered(view, at(locale))).filter((t) => Object.values(a.notCountedBecause).includes(t))).toEqual([]);
    });
  }
});

describe("answer form", () => {
  it("reads a rating only as a plain integer", () => {
    for (const good of ["1", "2", "3", "5"]) expect(parseRating(good)).toBe(Number(good));
    for (const bad of ["1e3", "2.9", "3abc", "1e-7", " 3", "03", "0x3", "", "-1", "+3", "３", undefined, ["3", "1"], 3]) expect(parseRating(bad)).toBeNull();
  });
  it("keeps the comment and the share box as typed", () => {
    expect(readAnswerForm({ rating: "2", comment: "ok", share: "on" })).toEqual({ rating: 2, comment: "ok", share: true });
    expect(readAnswerForm(undefined)).toEqual({ rating: null, comment: "", share: false });
  });
  it("preselects only a rating of the scale, and confirms a withdrawal only by its own yes", () => {
    expect(presetRating("2", 3)).toBe(2);
    for (const bad of ["0", "4", "2.5", "", undefined, ["1", "2"]]) expect(presetRating(bad, 3)).toBeNull();
    expect(presetRating("5", 5)).toBe(5);
    expect(readWithdrawConfirmed({ confirm: "yes" })).toBe(true);
    for (const body of [{}, { confirm: "Yes" }, { confirm: ["yes"] }, undefined]) expect(readWithdrawConfirmed(body)).toBe(false);
  });
});
