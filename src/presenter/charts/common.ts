// What every dashboard chart shares: its size, colours and a readable axis. Each chart is a pure
// function from figures to a Vega-Lite spec (data inline); titles and labels come from the catalogue.
import type { TopLevelSpec } from "vega-lite";

export type ChartSpec = TopLevelSpec;

/** Colour-blind-safe pairs and triples (Okabe–Ito), by meaning rather than by position. */
export const COLOURS = { primary: "#0072B2", secondary: "#E69F00", good: "#009E73", neutral: "#999999", poor: "#D55E00" } as const;

export const BASE = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  width: 560,
  height: 220,
  background: "white",
  config: { axis: { labelFontSize: 11, titleFontSize: 12 }, legend: { orient: "bottom", labelFontSize: 11, labelLimit: 320, title: null }, view: { stroke: null } },
} as const;
