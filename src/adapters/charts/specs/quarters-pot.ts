// The pots of the last quarters: one bar per campaign, oldest first, its amount written on top.
// Pure: figures and language in, a Vega-Lite spec out (titles and axes from the catalogue).
import type { ChartSeries } from "../../../app/charts/charts.js";
import { textsFor } from "../../../i18n/index.js";
import type { ChartSpec } from "../render.js";

export function quartersPotSpec(series: Extract<ChartSeries, { kind: "quarters-pot" }>): ChartSpec {
  const t = textsFor(series.locale).charts;
  const order = series.bars.map((b) => b.campaignLabel);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: t.quartersPotTitle,
    width: 560,
    height: 220,
    data: { values: series.bars.map((b) => ({ campaign: b.campaignLabel, euros: b.cents / 100 })) },
    encoding: {
      x: { field: "campaign", type: "ordinal", sort: order, title: t.axisCampaign, axis: { labelAngle: 0 } },
      y: { field: "euros", type: "quantitative", title: t.axisPot, axis: { format: ".2~f", tickMinStep: 1 }, scale: { domainMin: 0 } },
    },
    layer: [
      { mark: { type: "bar", color: "#2563eb" } },
      { mark: { type: "text", dy: -6, color: "#1d1d1f" }, encoding: { text: { field: "euros", type: "quantitative", format: ".2f" } } },
    ],
    config: { view: { stroke: null } },
  };
}
