// Response rate and share of positive ratings of each quarter (lines, 0–100 %); a quarter without
// survey or answer leaves a gap rather than a false zero.
import type { TrendPoint } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function trendRatesChart(trend: readonly TrendPoint[], labels: { title: string; quarter: string; share: string; responseRate: string; positiveShare: string }): ChartSpec {
  return {
    ...BASE,
    description: labels.title,
    data: {
      values: trend.flatMap((p) => [
        { quarter: p.campaignLabel, series: labels.responseRate, share: p.responseRate },
        { quarter: p.campaignLabel, series: labels.positiveShare, share: p.positiveShare },
      ]),
    },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "quarter", type: "ordinal", sort: null, title: labels.quarter, axis: { labelAngle: -40 } },
      y: { field: "share", type: "quantitative", title: labels.share, scale: { domain: [0, 1] }, axis: { format: ".0%" } },
      color: { field: "series", type: "nominal", sort: null, scale: { domain: [labels.responseRate, labels.positiveShare], range: [COLOURS.primary, COLOURS.good] } },
    },
  };
}
