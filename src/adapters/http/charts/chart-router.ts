// GET /charts/<token>.png: the chart pictures chat messages show (Slack and Teams fetch them from
// their own servers). The token is a signed link (src/app/links): a wrong one is 404, an expired one
// 410, and neither draws anything. A picture is drawn once per figures: the PNG is kept in memory,
// keyed by what it shows, so the digest fetched by every client of a channel is drawn once.
import { createHash } from "node:crypto";
import express, { type Router } from "express";
import type { AppContext } from "../../../app/context.js";
import { readChart, type ChartSeries } from "../../../app/charts/charts.js";
import { renderPng } from "../../charts/render.js";
import { chartSpec } from "../../charts/specs/index.js";

/** Pictures kept (a few KB each): a week of digests and commands in both languages. */
const CACHE_SIZE = 64;

export interface ChartRouterOptions {
  /** Draws a series (tests count the drawings). */
  draw?: (series: ChartSeries) => Promise<Buffer>;
}

export function chartRouter(ctx: AppContext, options: ChartRouterOptions = {}): Router {
  const router = express.Router();
  const draw = options.draw ?? ((series: ChartSeries) => renderPng(chartSpec(series), 2));
  // Insertion order is use order: a hit is moved to the end, the oldest goes first.
  const cache = new Map<string, Promise<Buffer>>();

  const picture = (series: ChartSeries): { etag: string; png: Promise<Buffer> } => {
    const key = createHash("sha256").update(JSON.stringify(series)).digest("base64url");
    let png = cache.get(key);
    if (png) cache.delete(key);
    else {
      const drawing = draw(series);
      png = drawing;
      drawing.catch(() => cache.get(key) === drawing && cache.delete(key));
    }
    cache.set(key, png);
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return { etag: `"${key}"`, png };
  };

  router.get("/charts/:file", async (req, res) => {
    // not user-facing: status codes for image fetchers (Slack, Teams), no page to show
    const refuse = (status: 404 | 410) => res.status(status).set({ "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" }).send(status === 404 ? "not found" : "gone");
    const match = /^([A-Za-z0-9_.-]{1,1024})\.png$/.exec(req.params.file);
    if (!match?.[1]) return refuse(404);
    const read = await readChart(ctx, match[1]);
    if (!read.ok) return refuse(read.reason === "expired" ? 410 : 404);
    const { etag, png } = picture(read.series);
    const headers = { "Cache-Control": "private, max-age=300", ETag: etag, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" };
    if (req.header("if-none-match") === etag) return res.status(304).set(headers).end();
    res.status(200).set(headers).type("png").send(await png);
  });
  return router;
}
