// The chart pictures and the export files over real HTTP on a real SQLite file: a chart link
// serves a PNG of the campaign's figures, drawn once per figures, and refuses a wrong token (404),
// a token made for something else (404) and an expired one (410). The dashboard's exports: CSV
// (byte-order mark, formula injection guarded, attachment name) and Excel (read back with exceljs)
// with the same rows, refused without a session and to someone no longer in management, audited;
// the per-campaign export equals `history`. Teams' download link works while valid, then 410.
import type { Server } from "node:http";
import ExcelJS from "exceljs";
import express, { type RequestHandler } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerSurvey } from "../../src/app/answer-survey.js";
import { campaignPotChart, quartersPotChart, type ChartSeries } from "../../src/app/charts/charts.js";
import type { AppContext } from "../../src/app/context.js";
import { getHistory } from "../../src/app/get-status.js";
import { signLink } from "../../src/app/links/signed-links.js";
import { EXPORT_LINK_TTL_MS, exportLink } from "../../src/app/management/export-links.js";
import { ticketClosed } from "../../src/app/ticket-closed.js";
import { renderPng } from "../../src/adapters/charts/render.js";
import { chartSpec } from "../../src/adapters/charts/specs/index.js";
import { chartRouter } from "../../src/adapters/http/charts/chart-router.js";
import { exportsRouter } from "../../src/adapters/http/dashboard/exports-router.js";
import type { Store } from "../../src/ports/store.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext, ticketEvent } from "../support/fixtures.js";

const BOSS = "boss@esn.example";
let store: Store;
let close: () => Promise<void>;
let clock: FixedClock;
let ctx: AppContext;
let server: Server;
let base = "";
let drawings = 0;
let bossId = "";
let strangerId = "";

/** A test session: the header names the person, as the dashboard's cookie would. */
const testSession: RequestHandler = (req, res, next) => {
  const personId = req.header("x-test-person");
  if (!personId) {
    res.status(401).send("no session");
    return;
  }
  res.locals.dashboard = { personId, locale: "en" };
  next();
};

async function answered(comment: string | null, at: string, shareConsent = false) {
  clock.set(at);
  const r = await ticketClosed(ctx, ticketEvent({ closedAt: new Date(at) }));
  if (r.status !== "scheduled") throw new Error("not scheduled");
  const context = (await store.surveys.findContext(r.surveyId))!;
  const a = await answerSurvey(ctx, { surveyId: r.surveyId, answerer: { surveyToken: context.survey.token }, rating: 3, comment, shareConsent });
  if (!a.ok) throw new Error(a.refusal.code);
}

beforeAll(async () => {
  ({ store, close } = await openTestStore("sqlite"));
  clock = new FixedClock(new Date("2026-10-05T10:00:00Z"));
  ctx = testContext(store, clock, { publicUrl: "https://cagnotte.example.com" });
  await answered("Merci pour la rapidité", "2026-10-05T10:00:00Z", true);
  await answered('=HYPERLINK("http://evil.example","clic")', "2026-10-12T10:00:00Z");
  await answered("Très pro, merci encore", "2026-10-20T10:00:00Z");
  await answered(null, "2026-10-21T10:00:00Z");
  bossId = (await store.people.upsertByEmail({ email: BOSS, name: "Boss", now: clock.now() })).id;
  strangerId = (await store.people.upsertByEmail({ email: "someone@esn.example", name: "Someone", now: clock.now() })).id;
  clock.set("2026-10-25T10:00:00Z");
  const app = express();
  app.use(
    chartRouter(ctx, {
      draw: (series: ChartSeries) => {
        drawings++;
        return renderPng(chartSpec(series));
      },
    }),
  );
  app.use(exportsRouter(ctx, { requireSession: testSession }));
  // The real session check (the stub on this branch, the dashboard's once merged) under /real.
  const real = express();
  real.use(exportsRouter(ctx));
  app.use("/real", real);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await close?.();
});

const path = (url: string) => base + new URL(url).pathname;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function png(url: string) {
  const res = await fetch(path(url));
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get("content-type"), body, width: body.readUInt32BE(16), height: body.readUInt32BE(20) };
}

describe("chart pictures", () => {
  it("serves the campaign's pot as a PNG, and draws it again only when the figures change", async () => {
    const campaign = (await store.campaigns.findByQuarter(2026, 4))!;
    const chart = await campaignPotChart(ctx, campaign, { until: clock.now(), locale: "fr", ttlMs: 7 * 86_400_000 });
    // Three comments counted by 25 October, 25 days into the quarter: what the alt text says.
    expect(chart.figure).toEqual({ kind: "campaign-pot", campaignLabel: "2026-Q4", amountCents: 300, days: 25 });
    expect(chart.url).toMatch(/^https:\/\/cagnotte\.example\.com\/charts\/[\w-]+\.[\w-]{43}\.png$/);
    const first = await png(chart.url);
    expect(first.status).toBe(200);
    expect(first.type).toBe("image/png");
    expect(first.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    // 560 × 220 of plot drawn twice as large, with title and axes around it.
    expect(first.width).toBeGreaterThan(1_000);
    expect(first.height).toBeGreaterThan(400);
    expect(first.body.length).toBeGreaterThan(5_000);
    const drawn = drawings;
    expect((await png(chart.url)).body.equals(first.body)).toBe(true);
    expect(drawings).toBe(drawn);
    // A link for up to now names the same figures: the picture is not drawn again either.
    const again = await campaignPotChart(ctx, campaign, { until: clock.now(), locale: "fr", ttlMs: 86_400_000 });
    expect((await png(again.url)).status).toBe(200);
    expect(drawings).toBe(drawn);
    // A new counted comment changes the figures a link up to a later moment shows.
    // …even one made earlier in the same second as the chart's moment (links name whole seconds).
    await answered("Encore merci", "2026-10-26T10:00:00.400Z");
    clock.set("2026-10-26T10:00:00.900Z");
    const later = await campaignPotChart(ctx, campaign, { until: clock.now(), locale: "fr", ttlMs: 86_400_000 });
    expect(later.figure.kind === "campaign-pot" && later.figure.amountCents).toBe(400);
    expect((await png(later.url)).body.equals(first.body)).toBe(false);
    expect(drawings).toBe(drawn + 1);
  });

  it("serves the last quarters' pots as a PNG", async () => {
    const chart = (await quartersPotChart(ctx, { locale: "en", ttlMs: 86_400_000 }))!;
    expect(chart.figure).toEqual({ kind: "quarters-pot", campaigns: 1, firstLabel: "2026-Q4", lastLabel: "2026-Q4", totalCents: 400 });
    const res = await png(chart.url);
    expect(res.status).toBe(200);
    expect(res.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it("refuses a wrong token (404), a token made for something else (404) and an expired one (410), with no picture", async () => {
    const campaign = (await store.campaigns.findByQuarter(2026, 4))!;
    const chart = await campaignPotChart(ctx, campaign, { until: clock.now(), locale: "en", ttlMs: 7 * 86_400_000 });
    const token = /\/charts\/(.+)\.png$/.exec(chart.url)![1]!;
    const [payload, signature] = token.split(".") as [string, string];
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === "A" ? "B" : "A"}${signature.at(-1)}`;
    const otherPayload = Buffer.from(Buffer.from(payload, "base64url").toString().replace('"l":"en"', '"l":"fr"')).toString("base64url");
    const exportToken = await signLink(ctx, "export", { w: "answers", c: null, f: "csv", m: "x" }, new Date(clock.now().getTime() + 60_000));
    for (const wrong of [`${payload}.${flipped}`, `${otherPayload}.${signature}`, exportToken, "nothing", `${token}x`]) {
      const res = await fetch(`${base}/charts/${wrong}.png`);
      expect(res.status, wrong).toBe(404);
      expect(res.headers.get("content-type")).not.toContain("image");
    }
    expect((await fetch(`${base}/charts/${token}.png`)).status).toBe(200);
    clock.advance(7 * 86_400_000);
    const expired = await fetch(`${base}/charts/${token}.png`);
    expect(expired.status).toBe(410);
    expect(expired.headers.get("content-type")).not.toContain("image");
    clock.advance(-7 * 86_400_000);
  });
});

async function download(file: string, person: string | null, prefix = "") {
  const res = await fetch(`${base}${prefix}/dashboard/exports/${file}`, { headers: person ? { "x-test-person": person } : {} });
  return { status: res.status, type: res.headers.get("content-type") ?? "", disposition: res.headers.get("content-disposition"), body: Buffer.from(await res.arrayBuffer()) };
}

const exportAudits = async () => (await store.audit.latest(100)).filter((e) => e.action.startsWith("export."));

describe("exports from the dashboard", () => {
  it("downloads the answers as CSV for management: byte-order mark, formulas guarded, a clear file name", async () => {
    const res = await download("answers.csv?campaign=2026-Q4", bossId);
    expect(res.status).toBe(200);
    expect(res.type).toBe("text/csv; charset=utf-8");
    expect(res.disposition).toBe('attachment; filename="cagnotte-answers-2026-Q4.csv"');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.toString("utf8").slice(1);
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe("campaign,answer_id,answered_at,ticket,client,requester,technician,rating,rating_scale,comment,share_consent,moderation,outcome,withdrawn,erased,counted_eur");
    expect(lines).toHaveLength(1 + 5);
    // Management sees the comments and the requesters' e-mails, as the export command gives them.
    expect(text).toContain("Très pro, merci encore");
    expect(text).toMatch(/requester\d+@client\.example/);
    // The formula is text: a spreadsheet shows it and runs nothing.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
    expect(text).not.toMatch(/,"=HYPERLINK/);
  });

  it("downloads the same answers as Excel, amounts as numbers", async () => {
    const res = await download("answers.xlsx?campaign=2026-Q4", bossId);
    expect(res.status).toBe(200);
    expect(res.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.disposition).toBe('attachment; filename="cagnotte-answers-2026-Q4.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("answers")!;
    expect(sheet.rowCount).toBe(1 + 5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header[0]).toBe("campaign");
    const counted = header.indexOf("counted_eur") + 1;
    const comment = header.indexOf("comment") + 1;
    const amounts = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(counted).value);
    expect(amounts).toEqual([1, 1, 1, 0, 1]);
    const comments = [2, 3, 4, 5, 6].map((r) => sheet.getRow(r).getCell(comment).value);
    expect(comments).toContain(`'=HYPERLINK("http://evil.example","clic")`);
    expect(comments).toContain("Très pro, merci encore");
  });

  it("gives contributions, technicians, and per campaign the figures of history", async () => {
    const contributions = await download("contributions.csv", bossId);
    expect(contributions.disposition).toBe('attachment; filename="cagnotte-contributions-all.csv"');
    expect(contributions.body.toString("utf8").trim().split(/\r?\n/)).toHaveLength(1 + 4);
    const technicians = (await download("technicians.csv", bossId)).body.toString("utf8");
    expect(technicians).toContain("2026-Q4,tech@esn.example,Camille Tech,5,5,1.00,4,4.00");
    const campaigns = await download("campaigns.xlsx", bossId);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(campaigns.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("campaigns")!;
    const { campaigns: history } = await getHistory(ctx);
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => (sheet.getRow(i + 2).values as unknown[]).slice(1, 6));
    expect(rows).toEqual(history.map((c) => [c.campaignLabel, c.charityName ?? undefined, c.amountCents / 100, c.countedComments, c.answers]).reverse());
  });

  it("refuses without a session, to someone no longer in management, and a wrong export or campaign, with no file", async () => {
    const before = (await exportAudits()).length;
    // The real session check: nobody signed in.
    const real = await download("answers.csv", null, "/real");
    expect(real.status).toBe(401);
    expect(real.disposition).toBeNull();
    expect((await download("answers.csv", null)).status).toBe(401);
    const stranger = await download("answers.csv", strangerId);
    expect(stranger.status).toBe(403);
    expect(stranger.body.toString()).toContain("For management only");
    expect(stranger.disposition).toBeNull();
    expect((await download("passwords.csv", bossId)).status).toBe(404);
    expect((await download("answers.pdf", bossId)).status).toBe(404);
    expect((await download("answers.csv?campaign=2019-Q1", bossId)).status).toBe(404);
    expect((await download("answers.csv?campaign=nonsense", bossId)).status).toBe(404);
    expect((await exportAudits()).length).toBe(before);
  });

  it("audits every download in the manager's name", async () => {
    const before = (await exportAudits()).length;
    await download("technicians.xlsx?campaign=2026-Q4", bossId);
    const audits = await exportAudits();
    expect(audits.length).toBe(before + 1);
    expect(audits.filter((a) => a.subject === "cagnotte-technicians-2026-Q4.xlsx")).toEqual([expect.objectContaining({ actor: BOSS, action: "export.xlsx", details: { rows: 1 } })]);
  });
});

describe("Teams' download link", () => {
  it("downloads the CSV while valid, then says it expired (410); a changed link is 404", async () => {
    const link = await exportLink(ctx, { actorEmail: BOSS, kind: "answers", campaignLabel: "2026-Q4", format: "csv" });
    if (!link.ok) throw new Error(link.reason);
    expect(link.url).toMatch(/^https:\/\/cagnotte\.example\.com\/exports\/[\w-]+\.[\w-]{43}$/);
    const url = path(link.url);
    // A HEAD (a link checker) says it works, and exports nothing.
    const audits = (await exportAudits()).length;
    expect((await fetch(url, { method: "HEAD" })).status).toBe(200);
    expect((await exportAudits()).length).toBe(audits);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toBe('attachment; filename="cagnotte-answers-2026-Q4.csv"');
    expect(await first.text()).toContain("Très pro, merci encore");
    // While valid it downloads again (a preview fetching it does not use it up).
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(`${url.slice(0, -3)}${url.endsWith("AAA") ? "BBB" : "AAA"}`)).status).toBe(404);
    clock.advance(EXPORT_LINK_TTL_MS);
    const late = await fetch(url, { headers: { "accept-language": "fr-FR" } });
    expect(late.status).toBe(410);
    expect(late.headers.get("content-disposition")).toBeNull();
    expect(await late.text()).toContain("Ce lien a expiré");
    clock.advance(-EXPORT_LINK_TTL_MS);
  });

  it("refuses a link once its manager left CAGNOTTE_ADMINS, and a campaign that does not exist at once", async () => {
    const link = await exportLink(ctx, { actorEmail: BOSS, kind: "contributions", campaignLabel: null, format: "csv" });
    if (!link.ok) throw new Error(link.reason);
    const app = express().use(exportsRouter({ ...ctx, admins: [] }));
    const other = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const address = other.address();
      const port = typeof address === "object" && address ? address.port : 0;
      expect((await fetch(`http://127.0.0.1:${port}${new URL(link.url).pathname}`)).status).toBe(403);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
    expect(await exportLink(ctx, { actorEmail: BOSS, kind: "answers", campaignLabel: "2019-Q1", format: "csv" })).toEqual({ ok: false, reason: "campaign-not-found" });
  });
});
