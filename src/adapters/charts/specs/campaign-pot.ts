// The pot of one campaign, cumulated day by day: a line over an area, euros up, days across.
// Pure: figures and language in, a Vega-Lite spec out (titles and axes from the catalogue).
import type { ChartSeries } from "../../../app/charts/charts.js";
import { textsFor } from "../../../i18n/index.js";
import type { ChartSpec } from "../render.js";

export function campaignPotSpec(series: Extract<ChartSeries, { kind: "campaign-pot" }>): ChartSpec {
  const t = textsFor(series.locale).charts;
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: t.campaignPotTitle(series.campaignLabel),
    width: 560,
    height: 220,
    data: { values: series.points.map((p) => ({ day: p.day, euros: p.cents / 100 })) },
    mark: { type: "area", line: { color: "#2563eb" }, color: "#bfd3fb", interpolate: "step-after" },
    encoding: {
      // Numeric day/month: the same in both languages, no month names to translate.
      x: { field: "day", type: "temporal", title: t.axisDay, axis: { format: "%d/%m", labelAngle: 0, tickCount: 8 } },
      y: { field: "euros", type: "quantitative", title: t.axisPot, axis: { format: ".2~f", tickMinStep: 1 }, scale: { domainMin: 0 } },
    },
    config: { view: { stroke: null } },
  };
}
