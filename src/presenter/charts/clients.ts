// Each client's answers and counted comments in one campaign, side by side.
import type { ClientFigures } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function clientsChart(clients: readonly ClientFigures[], labels: { title: string; client: string; count: string; answers: string; counted: string }): ChartSpec {
  return {
    ...BASE,
    height: Math.max(60, clients.length * 36),
    description: labels.title,
    data: { values: clients.flatMap((c) => [{ client: c.name, series: labels.answers, n: c.answers }, { client: c.name, series: labels.counted, n: c.countedComments }]) },
    mark: "bar",
    encoding: {
      y: { field: "client", type: "nominal", sort: null, title: labels.client },
      yOffset: { field: "series", type: "nominal", sort: null },
      x: { field: "n", type: "quantitative", title: labels.count, axis: { tickMinStep: 1 } },
      color: { field: "series", type: "nominal", sort: null, scale: { domain: [labels.answers, labels.counted], range: [COLOURS.primary, COLOURS.secondary] } },
    },
  };
}
