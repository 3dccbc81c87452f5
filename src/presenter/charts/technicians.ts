// Each technician's answers of one campaign by rating level (positive, average, poor), stacked.
import type { TechnicianFigures } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function techniciansChart(
  technicians: readonly TechnicianFigures[],
  labels: { title: string; technician: string; count: string; positive: string; neutral: string; poor: string; unknown: string },
): ChartSpec {
  const levels = [labels.positive, labels.neutral, labels.poor];
  return {
    ...BASE,
    height: Math.max(60, technicians.length * 28),
    description: labels.title,
    data: {
      values: technicians.flatMap((t) => {
        const name = t.name ?? labels.unknown;
        return [
          { technician: name, level: labels.positive, order: 0, n: t.ratings.positive },
          { technician: name, level: labels.neutral, order: 1, n: t.ratings.neutral },
          { technician: name, level: labels.poor, order: 2, n: t.ratings.poor },
        ];
      }),
    },
    mark: "bar",
    encoding: {
      y: { field: "technician", type: "nominal", sort: null, title: labels.technician },
      x: { field: "n", type: "quantitative", stack: "zero", title: labels.count, axis: { tickMinStep: 1 } },
      color: { field: "level", type: "nominal", sort: null, scale: { domain: levels, range: [COLOURS.good, COLOURS.neutral, COLOURS.poor] } },
      order: { field: "order", type: "quantitative" },
    },
  };
}
