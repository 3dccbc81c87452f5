// Answers and counted comments of each quarter, side by side.
import type { TrendPoint } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function trendAnswersChart(trend: readonly TrendPoint[], labels: { title: string; quarter: string; count: string; answers: string; counted: string }): ChartSpec {
  return {
    ...BASE,
    description: labels.title,
    data: { values: trend.flatMap((p) => [{ quarter: p.campaignLabel, series: labels.answers, n: p.answers }, { quarter: p.campaignLabel, series: labels.counted, n: p.countedComments }]) },
    mark: "bar",
    encoding: {
      x: { field: "quarter", type: "ordinal", sort: null, title: labels.quarter, axis: { labelAngle: -40 } },
      xOffset: { field: "series", type: "nominal", sort: null },
      y: { field: "n", type: "quantitative", title: labels.count, axis: { tickMinStep: 1 } },
      color: { field: "series", type: "nominal", sort: null, scale: { domain: [labels.answers, labels.counted], range: [COLOURS.primary, COLOURS.secondary] } },
    },
  };
}
