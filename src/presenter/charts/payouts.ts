// Each closed campaign's pot against the amount paid to its charity (nothing drawn while unpaid).
import type { PayoutLine } from "../../core/dashboard/figures.js";
import { BASE, COLOURS, type ChartSpec } from "./common.js";

export function payoutsChart(payouts: readonly PayoutLine[], labels: { title: string; quarter: string; euros: string; pot: string; paid: string }): ChartSpec {
  return {
    ...BASE,
    description: labels.title,
    data: {
      values: payouts.flatMap((p) => [
        { quarter: p.campaignLabel, series: labels.pot, euros: p.potCents / 100 },
        ...(p.paidCents === null ? [] : [{ quarter: p.campaignLabel, series: labels.paid, euros: p.paidCents / 100 }]),
      ]),
    },
    mark: "bar",
    encoding: {
      x: { field: "quarter", type: "ordinal", sort: null, title: labels.quarter, axis: { labelAngle: -40 } },
      xOffset: { field: "series", type: "nominal", sort: null },
      y: { field: "euros", type: "quantitative", title: labels.euros },
      color: { field: "series", type: "nominal", sort: null, scale: { domain: [labels.pot, labels.paid], range: [COLOURS.primary, COLOURS.good] } },
    },
  };
}
