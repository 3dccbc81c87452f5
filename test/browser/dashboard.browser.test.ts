// The dashboard as management uses it, in headless Chromium against the real bot with a fake Slack
// and a fake Teams connector, on ten seeded campaigns: `/cagnotte dashboard` answers management
// (only) with a one-time link; Slack's link preview does not use it; the browser's Continue starts
// the session and shows the dashboard (screenshot in test-results/), whose data tables equal
// `history`, and whose CSV link downloads the quarter's answers; axe-core finds nothing serious;
// the same link again, an expired link, and the page without session are refused;
// sign-out ends the session; Teams' « tableau » gives a link that works the same way.
import { mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getHistory } from "../../src/app/get-status.js";
import { formatEuros } from "../../src/i18n/index.js";
import { browserMissing, launchChromium } from "../support/browser.js";
import { FakeConnector } from "../support/fake-connector/fake-connector.js";
import { installActivity, messageActivity, personalConversationId, shown, type Where } from "../support/fake-connector/teams-activities.js";
import { FakeSlack } from "../support/fake-slack/fake-slack-server.js";
import { SlackDriver } from "../support/fake-slack/slack-driver.js";
import { FixedClock } from "../support/fixtures.js";
import { startTestBot } from "../support/running-bot.js";
import { SEEDED_QUARTERS, seedCampaigns } from "../support/seed-campaigns.js";

const SECRET = "dashboard-signing-secret";
const TOKEN = "xoxb-dashboard";
const ARTEFACTS = join(import.meta.dirname, "../../test-results");
const boss = { id: "UBOSS", email: "boss@esn.example", name: "Claire Direction", locale: "fr-FR" };
const stranger = { id: "USTRANGER", email: "tech@esn.example", name: "Tech", locale: "en-GB" };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

const AXE = readFileSync(join(import.meta.dirname, "../../node_modules/axe-core/axe.min.js"), "utf8");
declare const window: { axe: { run(): Promise<AxeResults> } };

/** axe-core run in the page through the DevTools protocol (the page's CSP allows no script): serious or critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const results = await page.evaluate(() => window.axe.run());
  console.log(`axe dashboard: ${results.violations.length} violation(s) ${JSON.stringify(results.violations.map((v) => [v.id, v.impact]))}, ${results.passes.length} rules passed`);
  return results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.length} node(s)`);
}

const linkIn = (text: string): string | null => /https?:\/\/[^\s"'<>|]+\/dashboard\/sign-in\/[A-Za-z0-9_-]{43}/.exec(text)?.[0] ?? null;

/** Every table of the page, by the id of the figure it belongs to: its rows as cell texts. */
async function tables(page: Page): Promise<Record<string, string[][]>> {
  return page.$$eval("figure", (figures) =>
    Object.fromEntries(figures.map((f) => [f.id, [...f.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("th,td")].map((c) => (c.textContent ?? "").trim()))])),
  );
}

describe.skipIf(browserMissing)("the dashboard in a browser", () => {
  const fake = new FakeSlack(TOKEN);
  const connector = new FakeConnector();
  const clock = new FixedClock(new Date("2024-07-01T00:00:00Z"));
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  let slack: SlackDriver;
  let browser: Browser;
  let publicUrl: string;
  const cspViolations: string[] = [];
  const teamsBoss = connector.addMember({ id: "29:boss", aadObjectId: "aad-boss", name: "Claire Direction", email: "boss@esn.example" });
  const teamsStranger = connector.addMember({ id: "29:other", aadObjectId: "aad-other", name: "Other", email: "other@client.example" });

  beforeAll(async () => {
    fake.addUser(boss);
    fake.addUser(stranger);
    const apiUrl = await fake.start();
    await connector.start();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    bot = await startTestBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: apiUrl, TEAMS_LOCAL: "true", PORT: String(port), PUBLIC_URL: publicUrl }, { clock });
    slack = new SlackDriver(bot.url, SECRET, fake);
    await seedCampaigns(bot.ctx, clock);
    browser = await launchChromium();
    mkdirSync(ARTEFACTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await fake.stop();
    await connector.stop();
  });

  async function newPage(locale = "fr-FR"): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    return page;
  }

  async function slackLink(userId: string): Promise<{ text: string; link: string | null }> {
    const reply = await slack.slash(userId, "dashboard");
    expect(reply.status).toBe(200);
    expect(reply.json?.response_type).toBe("ephemeral");
    return { text: reply.body, link: linkIn(reply.body) };
  }

  it("signs management in from the Slack link and shows ten quarters whose figures equal history", async () => {
    const { link } = await slackLink(boss.id);
    expect(link?.startsWith(`${publicUrl}/dashboard/sign-in/`)).toBe(true);

    // Slack's unfurler fetches the link first: it sees a Continue page, no figure, and uses nothing.
    const preview = await fetch(link!, { headers: { "user-agent": "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" } });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain("<form method=\"post\"");
    expect(previewHtml).not.toMatch(/Claire|Cagnotte par trimestre|€/);
    expect(preview.headers.get("set-cookie")).toBeNull();

    const page = await newPage();
    const opened = await page.goto(link!);
    expect(opened?.status()).toBe(200);
    await Promise.all([page.waitForURL(`${publicUrl}/dashboard`), page.getByRole("button", { name: "Continuer" }).click()]);
    expect(await page.locator("h1").textContent()).toBe("Tableau de bord de la cagnotte");
    await page.screenshot({ path: join(ARTEFACTS, "dashboard-fr.png"), fullPage: true });

    const cookie = (await page.context().cookies()).find((c) => c.name === "cagnotte-dashboard");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
    expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(7.9 * 3600);

    // Every chart: a figure with its caption, an inline SVG and a data table.
    const figures = await page.$$eval("figure", (fs) => fs.map((f) => ({ id: f.id, caption: f.querySelector("figcaption")?.textContent, svg: !!f.querySelector("svg"), table: !!f.querySelector("table") })));
    expect(figures.map((f) => f.id)).toEqual(["chart-trend-pot", "chart-trend-answers", "chart-trend-rates", "chart-technicians", "chart-clients", "chart-payouts"]);
    for (const f of figures) expect(f).toMatchObject({ svg: true, table: true, caption: expect.any(String) });

    const history = await getHistory(bot.ctx);
    const oldestFirst = [...history.campaigns].reverse();
    const data = await tables(page);
    expect(data["chart-trend-pot"]).toHaveLength(SEEDED_QUARTERS.length);
    expect(data["chart-trend-pot"]).toEqual(oldestFirst.map((c) => [c.campaignLabel, formatEuros(c.amountCents, "fr")]));
    expect(data["chart-trend-answers"]).toEqual(oldestFirst.map((c) => [c.campaignLabel, String(c.answers), String(c.countedComments)]));
    expect(data["chart-payouts"]!.map((r) => r.slice(0, 3))).toEqual(
      oldestFirst.filter((c) => c.status === "closed").map((c) => [c.campaignLabel, formatEuros(c.amountCents, "fr"), c.payout ? formatEuros(c.payout.amountCents, "fr") : "non versé"]),
    );
    // A technician's name is text, never markup, in the table and in the chart.
    expect(await page.locator("figure b").count()).toBe(0);
    expect(await page.locator("#chart-technicians").textContent()).toContain("Léa <b>Petit</b>");
    expect(cspViolations).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    // The exports of the quarter in detail, served behind the same session under /dashboard/exports/.
    const downloads = await page.$$eval("ul.downloads a", (as) => as.map((a) => a.getAttribute("href")));
    expect(downloads).toContain("/dashboard/exports/answers.csv?campaign=2026-Q4");
    expect(downloads).toContain("/dashboard/exports/technicians.xlsx?campaign=2026-Q4");
    // …and the CSV downloads with this session: one line per answer of the quarter.
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href="/dashboard/exports/answers.csv?campaign=2026-Q4"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(1 + history.campaigns[0]!.answers);

    // English through the switch link, kept for the session.
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Pot dashboard");
    await page.goto(`${publicUrl}/dashboard`);
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.screenshot({ path: join(ARTEFACTS, "dashboard-en.png"), fullPage: true });

    // Sign-out ends the session on the server: the old cookie opens nothing afterwards.
    const id = (await page.context().cookies()).find((c) => c.name === "cagnotte-dashboard")!.value;
    await page.getByRole("button", { name: "Sign out" }).click();
    expect(await page.locator("h1").textContent()).toBe("You are signed out");
    const replay = await fetch(`${publicUrl}/dashboard`, { headers: { cookie: `cagnotte-dashboard=${id}` } });
    expect(replay.status).toBe(401);
    const audit = await bot.ctx.store.audit.latest(10);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["dashboard.link", "dashboard.sign-in", "dashboard.sign-out"]));

    // The same link again: refused, no session.
    const again = await newPage();
    expect((await again.goto(link!))?.status()).toBe(410);
    expect(await again.locator("h1").textContent()).toBe("Lien déjà utilisé");
    expect((await again.goto(`${publicUrl}/dashboard`))?.status()).toBe(401);
  });

  it("refuses an expired link, before and after Continue, without a session", async () => {
    const { link } = await slackLink(boss.id);
    const page = await newPage("en-GB");
    expect((await page.goto(link!))?.status()).toBe(200);
    clock.advance(11 * 60_000);
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Continue" }).click()]);
    expect(response.status()).toBe(410);
    expect(await page.locator("h1").textContent()).toBe("Link expired");
    expect((await page.goto(link!))?.status()).toBe(410);
    expect(await page.context().cookies()).toEqual([]);
    expect((await page.goto(`${publicUrl}/dashboard`))?.status()).toBe(401);
  });

  it("refuses the link to anyone outside management, in Slack and in Teams", async () => {
    const before = await bot.ctx.store.audit.latest(50);
    const { text, link } = await slackLink(stranger.id);
    expect(link).toBeNull();
    expect(text).toMatch(/management only/);
    const where: Where = { serviceUrl: connector.url };
    const send = (activity: unknown) => fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect((await send(installActivity(teamsStranger, where))).status).toBe(200);
    expect((await send(messageActivity(teamsStranger, "tableau", where))).status).toBe(200);
    const card = shown(connector.cardsIn(personalConversationId(teamsStranger)).at(-1));
    expect(linkIn(card)).toBeNull();
    expect(card).toMatch(/direction|management/);
    expect((await bot.ctx.store.audit.latest(50)).filter((a) => a.action === "dashboard.link")).toHaveLength(before.filter((a) => a.action === "dashboard.link").length);
  });

  it("signs management in from the Teams link (« tableau »), and never gives it in a channel", async () => {
    const where: Where = { serviceUrl: connector.url };
    const send = (activity: unknown) => fetch(`${bot.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect((await send(installActivity(teamsBoss, where))).status).toBe(200);
    expect((await send(messageActivity(teamsBoss, "cagnotte tableau", where))).status).toBe(200);
    const card = connector.cardsIn(personalConversationId(teamsBoss)).at(-1);
    const link = linkIn(JSON.stringify(card));
    expect(link).not.toBeNull();
    // In a team channel everyone would read it: refused there, no link.
    const channel = { teamId: "19:team@thread.tacv2", channelId: "19:general@thread.tacv2" };
    expect((await send(messageActivity(teamsBoss, "dashboard", { ...where, channel }))).status).toBe(200);
    const inChannel = shown(connector.cardsIn(`${channel.channelId};messageid=1`).at(-1));
    expect(linkIn(inChannel)).toBeNull();
    expect(inChannel).toContain("conversation privée");

    const page = await newPage();
    await page.goto(link!);
    await Promise.all([page.waitForURL(`${publicUrl}/dashboard`), page.getByRole("button", { name: "Continuer" }).click()]);
    const data = await tables(page);
    expect(data["chart-trend-pot"]).toHaveLength(SEEDED_QUARTERS.length);
    await page.screenshot({ path: join(ARTEFACTS, "dashboard-teams.png"), fullPage: true });
    expect(cspViolations).toEqual([]);
  });
});
