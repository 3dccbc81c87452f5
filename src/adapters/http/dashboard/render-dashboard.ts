// Lays the dashboard view out as HTML: every text from the view (the catalogue), escaped by `html`;
// each chart an inline SVG drawn from its Vega-Lite spec, in a <figure> whose <figcaption> is its
// title, followed by the same figures as a <table>.
import type { ChartView, DashboardView, DataTable } from "../../../presenter/dashboard/present-dashboard.js";
import { renderSvg } from "../../charts/render.js";
import { html, SafeHtml } from "../web-survey/html.js";

/** Drawn charts by spec: the same figures are drawn once, whoever reloads (a few dozen kept). */
const drawn = new Map<string, Promise<string>>();
const DRAWN_MAX = 48;

function draw(chart: ChartView): Promise<string> {
  const key = JSON.stringify(chart.spec);
  const hit = drawn.get(key);
  if (hit) return hit;
  const svg = renderSvg(chart.spec);
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value as string);
  drawn.set(key, svg);
  svg.catch(() => drawn.delete(key));
  return svg;
}

export interface PageLinks {
  /** The page's own path with the given query (language switch, campaign chooser). */
  self: (query: { lang?: string; campaign?: string }) => string;
  signOutPath: string;
  csrf: string;
}

function renderTable(table: DataTable, noData: string): SafeHtml {
  if (table.rows.length === 0) return html`<p class="note">${noData}</p>`;
  return html`<table><caption>${table.caption}</caption><thead><tr>${table.head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead><tbody>${table.rows.map(
    ([first, ...rest]) => html`<tr><th scope="row">${first}</th>${rest.map((cell) => html`<td>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

async function renderChart(chart: ChartView, noData: string): Promise<SafeHtml> {
  const id = `chart-${chart.id}`;
  if (chart.table.rows.length === 0) return html`<figure id="${id}"><figcaption>${chart.title}</figcaption><p class="note">${noData}</p></figure>`;
  // Vega escapes the texts it places; the SVG is named by the caption and the table holds its data.
  const svg = (await draw(chart)).replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-title" focusable="false" `);
  return html`<figure id="${id}"><figcaption id="${id}-title">${chart.title}</figcaption>${new SafeHtml(svg)}${renderTable(chart.table, noData)}</figure>`;
}

export async function renderDashboard(view: DashboardView, links: PageLinks): Promise<SafeHtml> {
  const selected = view.detail.campaigns.find((c) => c.selected)?.label;
  const charts = async (list: ChartView[]) => html`${await Promise.all(list.map((c) => renderChart(c, view.noData)))}`;
  const [trend, detail, payouts] = await Promise.all([charts(view.trend.charts), charts(view.detail.charts), charts(view.payouts.charts)]);
  return html`<header><div><h1>${view.title}</h1><p class="note">${view.signedInAs} · ${view.figuresAt}</p></div>
<nav><a href="${links.self({ lang: view.otherLanguage.locale, campaign: selected })}" hreflang="${view.otherLanguage.locale}" lang="${view.otherLanguage.locale}" title="${view.otherLanguage.title}">${view.otherLanguage.label}</a>
<form class="inline" method="post" action="${links.signOutPath}"><input type="hidden" name="csrf" value="${links.csrf}"><button class="secondary" type="submit">${view.signOut}</button></form></nav></header>
<main>
<section aria-labelledby="current"><h2 id="current">${view.current.heading}</h2>
<dl class="cards">${view.current.facts.map((f) => html`<div><dt>${f.label}</dt><dd>${f.value}</dd></div>`)}</dl>${view.current.notes.map((n) => html`<p class="note">${n}</p>`)}</section>
<section aria-labelledby="trend"><h2 id="trend">${view.trend.heading}</h2>${trend}</section>
<section aria-labelledby="detail"><h2 id="detail">${view.detail.heading}</h2>
<nav aria-label="${view.detail.chooserLabel}"><p>${view.detail.chooserLabel} ${view.detail.campaigns.map((c) =>
    c.selected ? html`<strong aria-current="page">${c.label}</strong> ` : html`<a href="${links.self({ campaign: c.label })}">${c.label}</a> `,
  )}</p></nav>${detail}
<h3>${view.detail.downloads.heading}</h3><ul class="downloads">${view.detail.downloads.files.map(
    (f) => html`<li><a href="${`/dashboard/exports/${f.kind}.${f.format}?campaign=${encodeURIComponent(view.detail.downloads.campaign)}`}" download>${f.label}</a></li>`,
  )}</ul></section>
<section aria-labelledby="payouts"><h2 id="payouts">${view.payouts.heading}</h2>${payouts}<p><strong>${view.payouts.totalGiven}</strong></p></section>
</main>`;
}
