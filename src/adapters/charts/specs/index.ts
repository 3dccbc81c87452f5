// One spec per chart; the chart route picks it by the series' kind.
import type { ChartSeries } from "../../../app/charts/charts.js";
import type { ChartSpec } from "../render.js";
import { campaignPotSpec } from "./campaign-pot.js";
import { quartersPotSpec } from "./quarters-pot.js";

export function chartSpec(series: ChartSeries): ChartSpec {
  return series.kind === "campaign-pot" ? campaignPotSpec(series) : quartersPotSpec(series);
}
