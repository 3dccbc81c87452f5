// The pot of each quarter, oldest first (bars).
import type { TrendPoint } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function trendPotChart(trend: readonly TrendPoint[], labels: { title: string; quarter: string; euros: string }): ChartSpec {
  return {
    ...BASE,
    description: labels.title,
    data: { values: trend.map((p) => ({ quarter: p.campaignLabel, euros: p.amountCents / 100 })) },
    mark: { type: "bar", color: COLOURS.primary },
    encoding: {
      x: { field: "quarter", type: "ordinal", sort: null, title: labels.quarter, axis: { labelAngle: -40 } },
      y: { field: "euros", type: "quantitative", title: labels.euros },
    },
  };
}
