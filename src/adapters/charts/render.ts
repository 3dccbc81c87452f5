// Charts are described with Vega-Lite (a grammar of graphics: data, marks, encodings) and drawn
// on the server: Vega lays them out as SVG without a browser, resvg turns the SVG into PNG for
// chat clients that show only images. Specs carry their data inline; nothing is ever fetched.
import type { TopLevelSpec } from "vega-lite";

export type ChartSpec = TopLevelSpec;

/** Fonts tried in order; DejaVu ships with most Linux systems (Debian: fonts-dejavu-core). */
// not user-facing: a CSS font-family list
const FONT = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";

let libraries: ReturnType<typeof loadLibraries> | null = null;

/** Vega, Vega-Lite and resvg (about 50 MiB together) are loaded at the first chart, not at start-up. */
async function loadLibraries() {
  const [vega, vegaLite, resvg] = await Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]);
  const noLoading = vega.loader();
  noLoading.load = async (uri: string) => {
    // not user-facing: an error for the developer who put a URL in a spec
    throw new Error(`charts never load external resources (asked for ${uri})`);
  };
  return { vega, compile: vegaLite.compile, Resvg: resvg.Resvg, noLoading };
}

/** The chart as a standalone SVG document (no scripts, no external references). */
export async function renderSvg(spec: ChartSpec): Promise<string> {
  const { vega, compile, noLoading } = await (libraries ??= loadLibraries());
  const config = { font: FONT, ...(spec.config ?? {}) };
  const { spec: vgSpec } = compile({ ...spec, config } as TopLevelSpec);
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none", loader: noLoading });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG, `scale` times its SVG size (2 reads sharply on high-density screens). */
export async function renderPng(spec: ChartSpec, scale = 2): Promise<Buffer> {
  const svg = await renderSvg(spec);
  const { Resvg } = await (libraries ??= loadLibraries());
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
