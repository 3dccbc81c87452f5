// The dashboard's figures (src/app/dashboard/figures.ts) on ten seeded campaigns, SQLite and
// PostgreSQL: the current campaign is `status` as management sees it, every quarter of the trend
// has `history`'s pot, counted comments and answers, the breakdowns add up to the status figures
// (technicians' praise = status's top technicians, clients at cap = status's count), and all of it
// equals what the seed did, counted by hand.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/app/context.js";
import { CLOSED_CAMPAIGN_TTL_MS, DASHBOARD_TTL_MS, getDashboardFigures } from "../../src/app/dashboard/figures.js";
import { retractComment } from "../../src/app/management/retract-comment.js";
import type { Db } from "../../src/adapters/store/prisma-client.js";
import { getHistory, getStatus } from "../../src/app/get-status.js";
import type { DashboardFigures } from "../../src/core/dashboard/figures.js";
import { providers } from "../support/databases.js";
import { openTestStore } from "../support/databases.js";
import { FixedClock, testContext } from "../support/fixtures.js";
import { SEED_MANAGER, seedCampaigns, type SeededCampaign } from "../support/seed-campaigns.js";

describe.each(providers)("dashboard figures (%s)", (provider) => {
  let ctx: AppContext;
  let clock: FixedClock;
  let db: Db;
  let close: () => Promise<void>;
  let seeded: SeededCampaign[];
  let figures: DashboardFigures;

  beforeAll(async () => {
    const t = await openTestStore(provider);
    close = t.close;
    clock = new FixedClock(new Date("2024-07-01T00:00:00Z"));
    ctx = testContext(t.store, clock);
    db = t.store.db;
    seeded = await seedCampaigns(ctx, clock);
    figures = await getDashboardFigures(ctx, { viewerEmail: SEED_MANAGER, campaignLabel: null });
  }, 120_000);
  afterAll(async () => close());

  it("shows the current campaign exactly as `status` reports it to management", async () => {
    const status = await getStatus(ctx, { email: SEED_MANAGER });
    expect(figures.current).toEqual(status);
    expect(status.management?.pendingModeration).toBe(1);
    expect(figures.selected).toBe("2026-Q4");
  });

  it("has one trend point per campaign, oldest first, with history's pot, counted comments and answers", async () => {
    const history = await getHistory(ctx);
    expect(figures.trend).toHaveLength(10);
    expect(figures.trend.map((p) => p.campaignLabel)).toEqual(history.campaigns.map((c) => c.campaignLabel).reverse());
    for (const point of figures.trend) {
      const line = history.campaigns.find((c) => c.campaignLabel === point.campaignLabel)!;
      expect({ amountCents: point.amountCents, countedComments: point.countedComments, answers: point.answers, status: point.status }).toEqual({
        amountCents: line.amountCents,
        countedComments: line.countedComments,
        answers: line.answers,
        status: line.status,
      });
    }
    const now = figures.trend.at(-1)!;
    expect([now.responseRate, now.positiveShare, now.surveys]).toEqual([figures.current.responseRate, figures.current.positiveShare, figures.current.surveys]);
  });

  it("equals what the seed recorded, quarter by quarter", () => {
    expect(
      figures.trend.map((p) => ({ label: p.campaignLabel, surveys: p.surveys, answers: p.answers, counted: p.countedComments, pot: p.amountCents, rate: p.responseRate, positive: p.positiveShare })),
    ).toEqual(
      seeded.map((s) => ({ label: s.label, surveys: s.surveys, answers: s.answers, counted: s.counted, pot: s.counted * 100, rate: s.answers / s.surveys, positive: s.positive / s.answers })),
    );
    // The over-cap quarter stopped at the client's cap of 10.
    expect(seeded.find((s) => s.label === "2025-Q4")!.counted).toBe(10);
  });

  it("sets each closed campaign's pot against its payout, unpaid and different amounts included", () => {
    expect(figures.payouts.map((p) => ({ label: p.campaignLabel, pot: p.potCents, paid: p.paidCents }))).toEqual(
      seeded.slice(0, -1).map((s) => ({ label: s.label, pot: s.counted * 100, paid: s.paidCents })),
    );
    expect(figures.payouts.find((p) => p.campaignLabel === "2025-Q1")).toMatchObject({ reason: "arrondi par la direction" });
    expect(figures.payouts.at(-1)!.paidCents).toBeNull();
    expect(figures.totalGivenCents).toBe(seeded.reduce((n, s) => n + (s.paidCents ?? 0), 0));
  });

  it("breaks the current campaign down by technician: answers add up, praise is status's ranking", () => {
    const m = figures.current.management!;
    expect(figures.technicians.reduce((n, t) => n + t.answers, 0)).toBe(figures.current.answers);
    expect(figures.technicians.reduce((n, t) => n + t.ratings.positive, 0)).toBe(Math.round(figures.current.positiveShare! * figures.current.answers));
    const praised = figures.technicians
      .filter((t) => t.praise > 0)
      .map((t) => ({ name: t.name, praiseCount: t.praise }))
      .sort((a, b) => b.praiseCount - a.praiseCount || a.name!.localeCompare(b.name!));
    expect(praised.slice(0, 5)).toEqual(m.topTechnicians);
    for (const t of figures.technicians) expect(t.ratings.positive + t.ratings.neutral + t.ratings.poor).toBe(t.answers);
  });

  it("breaks a chosen campaign down by client: answers and counted comments add up, caps as status counts them", async () => {
    const chosen = await getDashboardFigures(ctx, { viewerEmail: SEED_MANAGER, campaignLabel: "2025-Q4" });
    expect(chosen.selected).toBe("2025-Q4");
    const point = chosen.trend.find((p) => p.campaignLabel === "2025-Q4")!;
    expect(chosen.clients).toEqual([{ name: "Big Co", answers: 12, countedComments: 10, capReached: true }]);
    expect(chosen.clients.reduce((n, c) => n + c.answers, 0)).toBe(point.answers);
    const current = figures.clients;
    expect(current.reduce((n, c) => n + c.countedComments, 0)).toBe(figures.current.countedComments);
    expect(current.filter((c) => c.capReached).length).toBe(figures.current.management!.clientsAtCap);
    expect(current.map((c) => c.name).sort()).toEqual(["Acme & Fils", "Big Co", "Client SA"]);
    // An unknown campaign falls back to the current one.
    expect((await getDashboardFigures(ctx, { viewerEmail: SEED_MANAGER, campaignLabel: "1999-Q1" })).selected).toBe("2026-Q4");
  });

  it("reads a closed campaign again after a minute, the current one after 5 seconds", async () => {
    // Management retracts a counted comment of 2026-Q3 (closed, unpaid): its pot drops by 1 €.
    const q3 = (await ctx.store.campaigns.findByQuarter(2026, 3))!;
    const counted = await db.contribution.findFirst({ where: { campaignId: q3.id, status: "active" } });
    expect((await retractComment(ctx, { actorEmail: SEED_MANAGER, answerId: counted!.answerId, reason: "test du cache" })).ok).toBe(true);
    const before = figures.trend.find((p) => p.campaignLabel === "2026-Q3")!.amountCents;
    clock.advance(DASHBOARD_TTL_MS + 1);
    const soon = await getDashboardFigures(ctx, { viewerEmail: SEED_MANAGER, campaignLabel: null });
    expect(soon.trend.find((p) => p.campaignLabel === "2026-Q3")!.amountCents).toBe(before);
    expect(soon.payouts.find((p) => p.campaignLabel === "2026-Q3")!.potCents).toBe(before - 100);
    clock.advance(CLOSED_CAMPAIGN_TTL_MS);
    const later = await getDashboardFigures(ctx, { viewerEmail: SEED_MANAGER, campaignLabel: null });
    expect(later.trend.find((p) => p.campaignLabel === "2026-Q3")!.amountCents).toBe(before - 100);
  });
});
