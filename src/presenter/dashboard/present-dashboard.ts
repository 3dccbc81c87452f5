// The dashboard page in one language: headings, the current campaign's figures, and each chart as
// a Vega-Lite spec with its title and the same figures as a table (for screen readers and for
// anyone who wants the exact numbers). The HTTP adapter draws the specs and lays the view out.
import type { DashboardFigures } from "../../core/dashboard/figures.js";
import type { Locale } from "../../core/model.js";
import { formatDay, formatEuros, formatMoment, formatPercent, textsFor } from "../../i18n/index.js";
import type { ChartSpec } from "../charts/common.js";
import { clientsChart } from "../charts/clients.js";
import { payoutsChart } from "../charts/payouts.js";
import { techniciansChart } from "../charts/technicians.js";
import { trendAnswersChart } from "../charts/trend-answers.js";
import { trendPotChart } from "../charts/trend-pot.js";
import { trendRatesChart } from "../charts/trend-rates.js";

export interface DataTable {
  caption: string;
  head: string[];
  /** The first cell of each row heads it (a quarter, a technician, a client). */
  rows: string[][];
}

export interface ChartView {
  id: string;
  title: string;
  spec: ChartSpec;
  table: DataTable;
}

/** The exports of the campaign in detail (served under /dashboard/exports/ behind the same session). */
export interface Downloads {
  heading: string;
  campaign: string;
  files: { kind: ExportKind; format: "csv" | "xlsx"; label: string }[];
}

export type ExportKind = "answers" | "contributions" | "technicians";
const EXPORTS: readonly ExportKind[] = ["answers", "contributions", "technicians"];

export interface DashboardView {
  locale: Locale;
  title: string;
  signedInAs: string;
  figuresAt: string;
  otherLanguage: { locale: Locale; label: string; title: string };
  signOut: string;
  current: { heading: string; facts: { label: string; value: string }[]; notes: string[] };
  trend: { heading: string; charts: ChartView[] };
  detail: { heading: string; chooserLabel: string; campaigns: { label: string; selected: boolean }[]; charts: ChartView[]; downloads: Downloads };
  payouts: { heading: string; charts: ChartView[]; totalGiven: string };
  noData: string;
}

export function presentDashboard(f: DashboardFigures, input: { locale: Locale; timeZone: string; viewer: string }): DashboardView {
  const { locale, timeZone } = input;
  const texts = textsFor(locale);
  const t = texts.dashboard;
  const s = texts.status;
  const euros = (cents: number) => formatEuros(cents, locale);
  const percent = (share: number | null) => formatPercent(share, locale);
  const c = f.current;
  const table = (title: string, head: string[], rows: string[][]): DataTable => ({ caption: t.tableOf(title), head, rows });

  const facts = [
    { label: s.charity, value: c.charityName ?? s.noCharity },
    { label: s.amount, value: euros(c.amountCents) },
    { label: s.countedComments, value: String(c.countedComments) },
    { label: s.answers, value: s.answersOf(c.answers, c.surveys) },
    { label: s.responseRate, value: percent(c.responseRate) },
    { label: s.positiveShare, value: percent(c.positiveShare) },
    { label: s.daysLeft, value: c.open ? String(c.daysLeft) : s.closed },
    ...(c.management ? [{ label: s.pendingModeration, value: String(c.management.pendingModeration) }, { label: s.caps, value: s.capsValue(c.management.requestersAtCap, c.management.clientsAtCap) }] : []),
  ];

  const potTitle = t.chartPotTitle;
  const answersTitle = t.chartAnswersTitle;
  const ratesTitle = t.chartRatesTitle;
  const trend: ChartView[] = [
    {
      id: "trend-pot",
      title: potTitle,
      spec: trendPotChart(f.trend, { title: potTitle, quarter: t.axisQuarter, euros: t.axisEuros }),
      table: table(potTitle, [t.colQuarter, t.colPot], f.trend.map((p) => [p.campaignLabel, euros(p.amountCents)])),
    },
    {
      id: "trend-answers",
      title: answersTitle,
      spec: trendAnswersChart(f.trend, { title: answersTitle, quarter: t.axisQuarter, count: t.axisCount, answers: t.colAnswers, counted: t.colCounted }),
      table: table(answersTitle, [t.colQuarter, t.colAnswers, t.colCounted], f.trend.map((p) => [p.campaignLabel, String(p.answers), String(p.countedComments)])),
    },
    {
      id: "trend-rates",
      title: ratesTitle,
      spec: trendRatesChart(f.trend, { title: ratesTitle, quarter: t.axisQuarter, share: t.axisShare, responseRate: t.colResponseRate, positiveShare: t.colPositiveShare }),
      table: table(
        ratesTitle,
        [t.colQuarter, t.colSurveys, t.colAnswers, t.colResponseRate, t.colPositiveShare],
        f.trend.map((p) => [p.campaignLabel, String(p.surveys), String(p.answers), percent(p.responseRate), percent(p.positiveShare)]),
      ),
    },
  ];

  const techTitle = t.chartTechniciansTitle(f.selected);
  const clientsTitle = t.chartClientsTitle(f.selected);
  const detail: ChartView[] = [
    {
      id: "technicians",
      title: techTitle,
      spec: techniciansChart(f.technicians, { title: techTitle, technician: t.colTechnician, count: t.axisCount, positive: t.colPositive, neutral: t.colNeutral, poor: t.colPoor, unknown: t.unknownTechnician }),
      table: table(
        techTitle,
        [t.colTechnician, t.colAnswers, t.colPositive, t.colNeutral, t.colPoor, t.colPraise],
        f.technicians.map((x) => [x.name ?? t.unknownTechnician, String(x.answers), String(x.ratings.positive), String(x.ratings.neutral), String(x.ratings.poor), String(x.praise)]),
      ),
    },
    {
      id: "clients",
      title: clientsTitle,
      spec: clientsChart(f.clients, { title: clientsTitle, client: t.colClient, count: t.axisCount, answers: t.colAnswers, counted: t.colCounted }),
      table: table(
        clientsTitle,
        [t.colClient, t.colAnswers, t.colCounted, t.colCapReached],
        f.clients.map((x) => [x.name, String(x.answers), String(x.countedComments), x.capReached ? t.yes : t.no]),
      ),
    },
  ];

  const payoutsTitle = t.chartPayoutsTitle;
  const payouts: ChartView[] = [
    {
      id: "payouts",
      title: payoutsTitle,
      spec: payoutsChart(f.payouts, { title: payoutsTitle, quarter: t.axisQuarter, euros: t.axisEuros, pot: t.colPot, paid: t.colPaid }),
      table: table(
        payoutsTitle,
        [t.colQuarter, t.colPot, t.colPaid, t.colPaidOn, t.colReason],
        f.payouts.map((p) => [p.campaignLabel, euros(p.potCents), p.paidCents === null ? t.unpaid : euros(p.paidCents), p.paidOn ? formatDay(p.paidOn, locale, timeZone) : "", p.reason ?? ""]),
      ),
    },
  ];

  const other: Locale = locale === "fr" ? "en" : "fr";
  return {
    locale,
    title: t.pageTitle,
    signedInAs: t.signedInAs(input.viewer),
    figuresAt: t.figuresAt(formatMoment(f.readAt, locale, timeZone)),
    otherLanguage: { locale: other, label: t.otherLanguage, title: t.otherLanguageLabel },
    signOut: t.signOutButton,
    current: { heading: t.currentHeading(c.campaignLabel), facts, notes: c.needsCharity ? [s.needsCharity] : [] },
    trend: { heading: t.trendHeading, charts: trend },
    detail: { heading: t.detailHeading(f.selected), chooserLabel: t.chooseCampaign, campaigns: f.campaignLabels.map((label) => ({ label, selected: label === f.selected })),
      charts: detail,
      downloads: {
        heading: t.downloadsHeading(f.selected),
        campaign: f.selected,
        files: EXPORTS.flatMap((kind) => (["csv", "xlsx"] as const).map((format) => ({ kind, format, label: t.downloadAs(t.downloadKinds[kind], format === "csv" ? "CSV" : "Excel") }))),
      },
    },
    payouts: { heading: t.payoutsHeading, charts: payouts, totalGiven: s.totalGiven(euros(f.totalGivenCents)) },
    noData: t.noData,
  };
}
