// A chart the bot serves as a picture: its title and alt text in the reader's language, from the
// figures the chart shows (the picture itself is drawn by src/adapters/charts from the same figures).
import type { ChartImage } from "../core/views.js";
import { formatEuros } from "../i18n/index.js";
import type { Block } from "./message.js";
import { textsOf, type Presentation } from "./presentation.js";

export function chartBlock(chart: ChartImage, p: Presentation): Block {
  const { charts: t } = textsOf(p);
  const f = chart.figure;
  switch (f.kind) {
    case "campaign-pot":
      return { type: "image", url: chart.url, title: t.campaignPotTitle(f.campaignLabel), alt: t.campaignPotAlt(f.campaignLabel, formatEuros(f.amountCents, p.locale), f.days) };
    case "quarters-pot":
      return { type: "image", url: chart.url, title: t.quartersPotTitle, alt: t.quartersPotAlt(f.campaigns, f.firstLabel, f.lastLabel, formatEuros(f.totalCents, p.locale)) };
  }
}
