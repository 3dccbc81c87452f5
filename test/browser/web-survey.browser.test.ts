// The web answer page in a real browser: Debian's Chromium (headless, driven by playwright-core)
// against the real bot on 127.0.0.1 with a SQLite file. A requester answers by keyboard only,
// sees the answer recalled, cannot answer twice; a survey answered in chat shows as answered; a
// tampered link and an expired survey get clear pages (404, 410); withdrawal asks first. axe-core
// checks the survey, thank-you and error pages: no "serious" or "critical" violation.
// Skipped, saying so, only where /usr/bin/chromium is absent outside CI; in CI it must run.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { quarterLabel, quarterOf } from "../../src/core/campaign/quarter.js";
import { formatEuros, textsFor } from "../../src/i18n/index.js";
import { FixedClock, ticketEvent } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";

// The page's globals the evaluated functions use, typed here: the DOM library would change the
// types of Node's fetch for the whole project.
interface PageElement {
  tagName: string;
  value?: string;
  getAttribute(name: string): string | null;
}
declare const document: {
  activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  documentElement: { scrollWidth: number; clientWidth: number };
};
declare const window: { axe: { run(): Promise<AxeResults> } };
declare function getComputedStyle(element: PageElement): { outlineStyle: string };

const CHROMIUM = "/usr/bin/chromium";
const root = join(import.meta.dirname, "../..");
const AXE = join(root, "node_modules/axe-core/axe.min.js");
/** Screenshots kept as test artefacts (test-results/ is not committed). */
const ARTEFACTS = join(root, "test-results/web-survey");
const runs = existsSync(CHROMIUM) || !!process.env.CI;
if (!runs) console.warn(`web-survey browser test SKIPPED: ${CHROMIUM} is absent (apt-get install chromium; CI installs it and runs this test)`);

const fr = textsFor("fr");
const en = textsFor("en");
const COMPANY = "ESN Exemple";
const CHARITY = "Rêves de Gosse";
const CONTACT = "support@esn.example";

describe.skipIf(!runs)("web answer page in Chromium", () => {
  const clock = new FixedClock(new Date());
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    bot = await startTestBot({ CAGNOTTE_COMPANY_NAME: COMPANY, CAGNOTTE_CHARITY: CHARITY, CAGNOTTE_CONTACT: CONTACT }, { clock });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    mkdirSync(ARTEFACTS, { recursive: true });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await bot?.stop();
  });

  /** A fresh browser profile in one language. The page's CSP forbids scripts: bypassed only so that axe can be injected. */
  async function newPage(locale: "fr-FR" | "en-GB", viewport = { width: 1024, height: 800 }): Promise<Page> {
    const context = await browser.newContext({ locale, bypassCSP: true, viewport });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    return page;
  }

  async function newSurvey(title = "Imprimante en panne") {
    const event = ticketEvent({ title, closedAt: clock.now() });
    const r = await ticketClosed(bot.ctx, event);
    if (r.status !== "scheduled") throw new Error("not scheduled");
    // PUBLIC_URL names port 0 (the test bot listens on a port of the system's choosing): same path, real address.
    return { url: `${bot.url}${new URL(r.surveyUrl).pathname}`, surveyId: r.surveyId, event, ticketRef: `#${event.ticketId}` };
  }

  /** axe-core in the page: prints the counts by impact, fails on any serious or critical violation. */
  async function expectAccessible(page: Page, name: string) {
    await page.addScriptTag({ path: AXE });
    const results = await page.evaluate(() => window.axe.run());
    const byImpact: Record<string, number> = {};
    for (const v of results.violations) byImpact[v.impact ?? "unknown"] = (byImpact[v.impact ?? "unknown"] ?? 0) + 1;
    console.log(`axe ${name}: ${results.violations.length} violation(s) ${JSON.stringify(byImpact)}, ${results.passes.length} rules passed`);
    const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(grave.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    expect(results.passes.length).toBeGreaterThan(10);
  }

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { tag: el?.tagName.toLowerCase() ?? "", type: el?.getAttribute("type") ?? "", name: el?.getAttribute("name") ?? "", value: el?.value ?? "", outline: el ? getComputedStyle(el).outlineStyle : "" };
    });
  const checkedRating = (page: Page) => page.evaluate(() => document.querySelector('input[name="rating"]:checked')?.value ?? null);

  /** Tab (bounded) until the focus is on what `is` accepts. */
  async function tabTo(page: Page, is: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (is(await focused(page))) return;
    }
    throw new Error(`Tab never reached ${what}`);
  }

  /** Everything the page says, as a reader meets it. */
  const text = (page: Page) => page.locator("body").innerText();

  it("is answered by keyboard only, recalls the answer, and refuses a second submission", async () => {
    const { url, ticketRef } = await newSurvey();
    const page = await newPage("fr-FR");
    // A second tab holds the same form, as a back button or a forgotten tab would.
    const stale = await newPage("fr-FR");

    const opened = await page.goto(url);
    expect(opened?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.locator("h1").innerText()).toBe(fr.survey.header(ticketRef));
    const head = await page.locator("header").innerText();
    expect(head).toContain(fr.web.askedBy(COMPANY));
    expect(head).toContain(fr.web.charityIs(quarterLabel(quarterOf(clock.now(), "Europe/Paris")), CHARITY));
    await expectAccessible(page, "survey page");
    await page.screenshot({ path: join(ARTEFACTS, "survey-page.png"), fullPage: true });
    await stale.goto(url);

    // The rating: Tab into the group, Space picks the focused option, the arrows move the choice.
    await tabTo(page, (f) => f.name === "rating", "the rating");
    expect(await checkedRating(page)).toBeNull();
    expect((await focused(page)).outline).not.toBe("none");
    await page.keyboard.press("Space");
    expect(await checkedRating(page)).toBe("3");
    await page.keyboard.press("ArrowDown");
    expect(await checkedRating(page)).toBe("2");
    await page.keyboard.press("ArrowUp");
    expect(await checkedRating(page)).toBe("3");
    // One Tab leaves the group for the comment, one more reaches the share box.
    await page.keyboard.press("Tab");
    expect((await focused(page)).tag).toBe("textarea");
    const comment = "Merci <b>Camille</b>, rapide & efficace !";
    await page.keyboard.type(comment);
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ type: "checkbox", name: "share" });
    await page.keyboard.press("Space");
    expect(await page.isChecked("#share")).toBe(true);
    await tabTo(page, (f) => f.tag === "button", "the submit button");
    const answered = page.waitForResponse((r) => r.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await answered).status()).toBe(200);
    await page.waitForLoadState("load");

    // The thank-you recalls the rating, the comment (as text, never markup), that it counted, and who asks.
    expect(await page.locator("h1").innerText()).toBe(fr.answer.thanks);
    const thanks = await text(page);
    expect(thanks).toContain(fr.survey.ratingLabels3[2]);
    expect(await page.locator("blockquote").innerText()).toBe(comment);
    expect(await page.locator("blockquote b").count()).toBe(0);
    expect(thanks).toContain(fr.answer.willBeShared);
    expect(thanks).toContain(fr.answer.counted(formatEuros(100, "fr")));
    expect(thanks).toContain(fr.web.askedBy(COMPANY));
    await expectAccessible(page, "thank-you page");
    await page.screenshot({ path: join(ARTEFACTS, "thank-you-page.png"), fullPage: true });

    // The stale form, sent by keyboard too: refused clearly, the first answer shown, nothing changed.
    await tabTo(stale, (f) => f.name === "rating", "the rating");
    await stale.keyboard.press("Space");
    await stale.keyboard.press("ArrowDown");
    await stale.keyboard.press("ArrowDown");
    expect(await checkedRating(stale)).toBe("1");
    await tabTo(stale, (f) => f.tag === "button", "the submit button");
    const again = stale.waitForResponse((r) => r.request().method() === "POST");
    await stale.keyboard.press("Enter");
    expect((await again).status()).toBe(409);
    await stale.waitForLoadState("load");
    expect(await stale.locator("h1").innerText()).toBe(fr.web.answeredTitle);
    expect(await stale.locator("[role=alert]").innerText()).toContain(fr.refusals["already-answered"](""));
    const refused = await text(stale);
    expect(refused).toContain(fr.survey.ratingLabels3[2]);
    expect(refused).not.toContain(fr.survey.ratingLabels3[0]);
    expect(await stale.locator("blockquote").innerText()).toBe(comment);
  });

  it("shows a survey answered in chat as answered; withdrawal asks first, then withdraws", async () => {
    const { url, surveyId, event } = await newSurvey("Messagerie bloquée");
    const chat = await answerSurvey(bot.ctx, { surveyId, answerer: { platform: "slack", userId: "UCHAT1", email: event.requester.email }, rating: 1, comment: "Trop long à résoudre" });
    expect(chat.ok).toBe(true);

    const page = await newPage("en-GB");
    expect((await page.goto(url))?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").innerText()).toBe(en.web.answeredTitle);
    const shown = await text(page);
    expect(shown).toContain(en.survey.ratingLabels3[0]);
    expect(await page.locator("blockquote").innerText()).toBe("Trop long à résoudre");
    expect(await page.locator("input[name=rating]").count()).toBe(0);

    // First click: a question on a page of its own; nothing is erased.
    await page.getByRole("button", { name: en.answer.withdraw }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("h1").innerText()).toBe(en.answer.withdrawConfirmTitle);
    expect(await text(page)).toContain(en.web.withdrawNothingYet);
    expect((await bot.ctx.store.answers.findBySurvey(surveyId))?.withdrawnAt).toBeNull();
    // "Keep it" goes back, still nothing erased; asked again, the yes withdraws.
    await page.getByRole("link", { name: en.web.withdrawKeep }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("blockquote").innerText()).toBe("Trop long à résoudre");
    await page.getByRole("button", { name: en.answer.withdraw }).click();
    await page.waitForLoadState("load");
    await page.getByRole("button", { name: en.web.withdrawYes }).click();
    await page.waitForLoadState("load");
    expect(await page.locator("h1").innerText()).toBe(en.answer.withdrawnTitle);
    expect(await page.locator("blockquote").count()).toBe(0);
    expect((await bot.ctx.store.answers.findBySurvey(surveyId))?.withdrawnAt).not.toBeNull();
    // Coming back by the link says withdrawn too.
    await page.goto(url);
    expect(await page.locator("h1").innerText()).toBe(en.web.answeredTitle);
    expect(await page.locator("h2").innerText()).toBe(en.answer.withdrawnTitle);
    expect(await text(page)).toContain(en.answer.withdrawn(false));
    expect(await page.getByRole("button", { name: en.answer.withdraw }).count()).toBe(0);
  });

  it("answers a tampered link with a clear 404 page and an expired survey with a clear 410 page", async () => {
    const { url, ticketRef } = await newSurvey();
    const page = await newPage("en-GB");
    const tampered = url.slice(0, -1) + (url.endsWith("x") ? "y" : "x");
    expect((await page.goto(tampered))?.status()).toBe(404);
    expect(await page.locator("h1").innerText()).toBe(en.web.notFoundTitle);
    const notFound = await text(page);
    expect(notFound).toContain(en.web.notFoundText);
    expect(notFound).toContain(en.web.contactLine(CONTACT));
    expect(await page.getByRole("link", { name: en.survey.rulesLink }).getAttribute("href")).toMatch(/\/reglement$/);
    await expectAccessible(page, "not-found page");
    await page.screenshot({ path: join(ARTEFACTS, "not-found-page.png"), fullPage: true });

    const now = clock.now();
    clock.advance(400 * 24 * 3600_000);
    try {
      expect((await page.goto(url))?.status()).toBe(410);
      expect(await page.locator("h1").innerText()).toBe(en.web.expiredTitle);
      const expired = await text(page);
      expect(expired).toContain(ticketRef);
      expect(expired).toContain(en.web.expiredOn);
      expect(expired).toContain(en.web.expiredText);
      expect(expired).toContain(en.web.contactLine(CONTACT));
      expect(await page.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
      await expectAccessible(page, "expired page");
    } finally {
      clock.set(now);
    }
  });

  it("preselects the rating of a one-click link and stays readable at 200 % and 400 % zoom", async () => {
    const { url } = await newSurvey(`Imprimante ${"réseau-".repeat(20)}en panne`);
    // 1280 px at 200 % and at 400 %: 640 and 320 CSS pixels.
    for (const width of [640, 320]) {
      const page = await newPage("fr-FR", { width, height: 800 });
      expect((await page.goto(`${url}?rating=2`))?.status()).toBe(200);
      expect(await checkedRating(page)).toBe("2");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scrolling at ${width} px`).toBeLessThanOrEqual(0);
    }
    // The GET sent nothing: the survey is still open.
    expect((await bot.ctx.store.answers.findBySurvey((await newSurveyIdOf(url)) ?? "")) ?? null).toBeNull();
  });

  async function newSurveyIdOf(url: string): Promise<string | null> {
    const token = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
    return (await bot.ctx.store.surveys.findContextByToken(token))?.survey.id ?? null;
  }
});
