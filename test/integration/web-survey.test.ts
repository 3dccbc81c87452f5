// The web answer page behind `surveyUrl`, on the real HTTP server: the use cases decide, the
// presenter words it in the language of whoever opened the link, the HTML renderer lays it out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { escapeHtml } from "../../src/adapters/http/web-survey/html.js";
import type { Locale } from "../../src/core/model.js";
import { quarterLabel, quarterOf } from "../../src/core/campaign/quarter.js";
import { formatEuros, localeFromAcceptLanguage, textsFor, type Texts } from "../../src/i18n/index.js";
import { startTestBot } from "../support/running-bot.js";
import { FixedClock, ticketEvent } from "../support/fixtures.js";
import { attribute, foreignTexts, visibleTexts } from "../support/html-page.js";

const clock = new FixedClock(new Date());
let bot: Awaited<ReturnType<typeof startTestBot>>;
beforeAll(async () => {
  bot = await startTestBot({ CAGNOTTE_COMPANY_NAME: "ESN <Exemple>", CAGNOTTE_CONTACT: "support@esn.example" }, { clock });
});
afterAll(async () => bot.stop());

async function newSurvey(title = "Imprimante <script>alert(1)</script>") {
  const event = ticketEvent({ title, closedAt: clock.now() });
  const r = await ticketClosed(bot.ctx, event);
  if (r.status !== "scheduled") throw new Error("not scheduled");
  return { path: new URL(r.surveyUrl).pathname, ticketRef: `#${event.ticketId}` };
}

const ACCEPT: Record<Locale, string> = { fr: "fr-FR,fr;q=0.9,en;q=0.5", en: "en-GB,en;q=0.8,fr;q=0.5" };

const get = (path: string, locale: Locale = "fr") => fetch(`${bot.url}${path}`, { headers: { "accept-language": ACCEPT[locale] } });
const post = (path: string, form: Record<string, string>, locale: Locale = "fr") =>
  fetch(`${bot.url}${path}`, { method: "POST", body: new URLSearchParams(form), headers: { "accept-language": ACCEPT[locale] }, redirect: "manual" });

/** The page, checked to be wholly in `locale`: its lang, the texts expected, and no other language. */
async function page(res: Response, status: number, locale: Locale, expected: (t: Texts) => string[]): Promise<string> {
  const body = await res.text();
  expect(res.status, body).toBe(status);
  expect(res.headers.get("content-type")).toContain("text/html");
  expect(body).toContain(`<html lang="${locale}">`);
  const shown = visibleTexts(body);
  for (const text of expected(textsFor(locale))) expect(shown, `"${text}" on the page`).toContain(text);
  expect(foreignTexts(body, locale, ["survey", "answer", "refusals", "web"])).toEqual([]);
  return body;
}

describe("web answer page", () => {
  it("shows the survey in the browser's language, with helpdesk text escaped, behind a strict CSP", async () => {
    const { path } = await newSurvey();
    const fr = await get(path, "fr");
    const csp = fr.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(fr.headers.get("x-content-type-options")).toBe("nosniff");
    expect(fr.headers.get("referrer-policy")).toBe("no-referrer");
    const body = await page(fr, 200, "fr", (t) => [...t.survey.ratingLabels3]);
    expect(body).toContain("Imprimante &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(body).not.toContain("<script");
    expect(body).not.toMatch(/\ssrc=|<link\b/);
    await page(await get(path, "en"), 200, "en", (t) => [...t.survey.ratingLabels3]);
  });

  for (const locale of ["fr", "en"] as const) {
    it(`walks a ${locale} requester through survey, refusal, answer, thank-you, return and withdrawal`, async () => {
      const { path, ticketRef } = await newSurvey("Imprimante en panne");
      const money = (cents: number) => formatEuros(cents, locale);

      await page(await get(path, locale), 200, locale, (t) => [
        t.survey.header(ticketRef),
        t.survey.intro("Camille Tech", ticketRef),
        t.survey.ratingLegend,
        ...t.survey.ratingLabels3,
        t.survey.commentLabel,
        t.survey.shareLabel,
        t.survey.submit,
        t.survey.openUntil,
        t.survey.optional(money(100), 3, 10),
      ]);

      // A rating that is not one of the scale's integers: the form again, with what was typed.
      const refused = await page(await post(path, { rating: "2.9", comment: "Super <b>Camille</b>", share: "on" }, locale), 400, locale, (t) => [
        t.refusals["invalid-rating"](""),
        t.survey.submit,
      ]);
      expect(refused).toMatch(/role="alert"/);
      expect(refused).toContain(">Super &lt;b&gt;Camille&lt;/b&gt;</textarea>");
      expect(refused).toMatch(/name="share" aria-describedby="share-hint" checked>/);

      const thanks = await page(await post(path, { rating: "3", comment: "Super <b>Camille</b>", share: "on" }, locale), 200, locale, (t) => [
        t.answer.thanks,
        t.survey.ratingLabels3[2],
        t.answer.comment,
        "Super <b>Camille</b>",
        t.answer.willBeShared,
        t.answer.counted(money(100)),
        t.answer.withdraw,
        t.web.askedBy("ESN <Exemple>"),
      ]);
      expect(thanks).not.toContain("<b>");
      expect(thanks).toContain("ESN &lt;Exemple&gt;");

      await page(await get(path, locale), 200, locale, (t) => [t.web.answeredTitle, t.answer.thanks, t.answer.withdraw]);
      await page(await post(path, { rating: "1" }, locale), 409, locale, (t) => [t.web.answeredTitle, t.refusals["already-answered"](""), t.survey.ratingLabels3[2]]);

      // Withdrawal asks first, on a page of its own (GET, or a POST without the yes): nothing changes.
      const ask = (t: Texts) => [t.answer.withdrawConfirmTitle, t.answer.withdrawConfirmText, "Super <b>Camille</b>", t.web.withdrawYes, t.web.withdrawKeep];
      const asked = await page(await get(`${path}/withdraw`, locale), 200, locale, ask);
      const answerId = attribute(asked, `input type="hidden" name="answerId"`, "value") ?? "";
      expect(answerId).not.toBe("");
      await page(await post(`${path}/withdraw`, { answerId }, locale), 200, locale, ask);
      await page(await get(path, locale), 200, locale, (t) => ["Super <b>Camille</b>", t.answer.counted(money(100))]);

      const withdrawn = await page(await post(`${path}/withdraw`, { answerId, confirm: "yes" }, locale), 200, locale, (t) => [t.answer.withdrawnTitle, t.answer.withdrawn(true)]);
      expect(withdrawn).not.toContain("Super &lt;b&gt;");
      await page(await post(`${path}/withdraw`, { answerId, confirm: "yes" }, locale), 409, locale, (t) => [t.refusals["nothing-to-withdraw"](""), t.answer.withdrawnTitle]);
      await page(await get(`${path}/withdraw`, locale), 409, locale, (t) => [t.refusals["nothing-to-withdraw"](""), t.answer.withdrawnTitle]);
    });
  }

  it("reads the rating strictly: only the scale's integers", async () => {
    const { path } = await newSurvey();
    for (const rating of ["1e3", "2.9", "3abc", "1e-7", "0", "4", "03", " 3"]) {
      const body = await page(await post(path, { rating, comment: `note ${rating}` }, "en"), 400, "en", (t) => [t.refusals["invalid-rating"]("")]);
      expect(body).toContain(`>note ${escapeHtml(rating)}</textarea>`);
    }
    await page(await post(path, { rating: "1" }, "en"), 200, "en", (t) => [t.answer.thanks, t.survey.ratingLabels3[0], t.answer.notCounted, t.answer.notCountedBecause["no-comment"]]);
  });

  it("refuses a comment longer than the limit, keeping it in the form", async () => {
    const { path } = await newSurvey();
    const long = "x".repeat(1001);
    const body = await page(await post(path, { rating: "2", comment: long }, "fr"), 400, "fr", (t) => [t.refusals["comment-too-long"]("")]);
    expect(body).toContain(`>${long}</textarea>`);
    expect(body).toContain(`value="2" required checked>`);
  });

  it("answers 404 for an unknown or altered link, whatever is asked, and says what to do", async () => {
    const { path } = await newSurvey();
    const altered = path.slice(0, -1) + (path.endsWith("a") ? "b" : "a");
    const notFound = (t: Texts) => [t.web.notFoundTitle, t.web.notFoundText, t.web.contactLine("support@esn.example"), t.survey.rulesLink];
    await page(await get("/s/not-a-token", "fr"), 404, "fr", notFound);
    await page(await get(altered, "en"), 404, "en", notFound);
    await page(await post("/s/not-a-token", { rating: "3", comment: "x" }, "en"), 404, "en", notFound);
    await page(await post("/s/not-a-token/withdraw", { confirm: "yes" }, "fr"), 404, "fr", notFound);
    await page(await get("/s/not-a-token/withdraw", "fr"), 404, "fr", notFound);
  });

  it("preselects ?rating=N from a one-click link without recording anything", async () => {
    const { path } = await newSurvey();
    const preset = await page(await get(`${path}?rating=1`, "en"), 200, "en", (t) => [t.survey.submit]);
    expect(preset).toContain(`value="1" required checked>`);
    expect(preset.match(/ checked>/g)).toHaveLength(1);
    // Still open: the GET sent nothing.
    await page(await get(path, "en"), 200, "en", (t) => [t.survey.submit]);
    for (const bad of ["0", "4", "2.5", "x", "1&rating=2"]) {
      const body = await page(await get(`${path}?rating=${bad}`, "en"), 200, "en", (t) => [t.survey.submit]);
      expect(body, bad).not.toContain(" checked>");
    }
  });

  it("names the company and this campaign's charity, or says it is not chosen yet", async () => {
    const { path } = await newSurvey("Écran");
    const label = quarterLabel(quarterOf(clock.now(), "Europe/Paris"));
    const before = await page(await get(path, "fr"), 200, "fr", (t) => [t.web.askedBy("ESN <Exemple>"), t.web.charityNotChosen(label)]);
    expect(before).toMatch(/<header class="asker">/);
    const charity = await bot.ctx.store.charities.add({ name: "Rêves & Gosse", url: "https://reves.example/", now: clock.now() });
    const quarter = quarterOf(clock.now(), "Europe/Paris");
    const campaign = await bot.ctx.store.campaigns.findByQuarter(quarter.year, quarter.quarter);
    if (campaign) await bot.ctx.store.campaigns.setCharity(campaign.id, charity.id);
    const after = await page(await get(path, "en"), 200, "en", (t) => [t.web.charityIs(label, "Rêves & Gosse"), t.web.charitySite]);
    expect(after).toContain(`<a href="https://reves.example/">`);
  });

  it("ties the error message to the input it is about", async () => {
    const { path } = await newSurvey();
    const noRating = await (await post(path, { comment: "sans note" }, "en")).text();
    expect(noRating).toContain(`<div class="alert" role="alert" id="answer-error">`);
    expect(noRating).toContain(`<fieldset aria-describedby="answer-error"><legend>`);
    const tooLong = await (await post(path, { rating: "2", comment: "x".repeat(1001) }, "en")).text();
    expect(tooLong).toMatch(/<textarea id="comment"[^>]* aria-describedby="answer-error comment-hint" aria-invalid="true">/);
  });

  it("never withdraws another survey's comment with one's own link", async () => {
    const mine = await newSurvey();
    const theirs = await newSurvey();
    await post(theirs.path, { rating: "3", comment: "Leur commentaire" }).then((r) => r.text());
    const theirAnswerId = attribute(await (await get(`${theirs.path}/withdraw`)).text(), `input type="hidden" name="answerId"`, "value") ?? "";
    expect(theirAnswerId).not.toBe("");
    await post(mine.path, { rating: "3", comment: "Mon commentaire" }).then((r) => r.text());
    const res = await post(`${mine.path}/withdraw`, { answerId: theirAnswerId, confirm: "yes" });
    expect([403, 404]).toContain(res.status);
    await res.text();
    expect(visibleTexts(await (await get(theirs.path)).text())).toContain("Leur commentaire");
  });

  it("answers 410 once the survey has expired", async () => {
    const { path } = await newSurvey();
    const now = clock.now();
    // Past both limits: 90 days after the ticket closed and the end of its campaign.
    clock.advance(400 * 24 * 3600_000);
    try {
      const expired = (t: Texts) => [t.web.expiredTitle, t.web.expiredText, t.web.expiredOn, t.web.contactLine("support@esn.example"), t.survey.rulesLink];
      await page(await get(path, "en"), 410, "en", expired);
      await page(await post(path, { rating: "3" }, "fr"), 410, "fr", expired);
    } finally {
      clock.set(now);
    }
  });
});

describe("page helpers", () => {
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("picks the preferred of French and English", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9,fr;q=0.8", "fr")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.5,en;q=0.4", "en")).toBe("fr");
    expect(localeFromAcceptLanguage("de", "fr")).toBe("fr");
    expect(localeFromAcceptLanguage(undefined, "en")).toBe("en");
  });
});
