// The one HTTP server: webhooks, health, public figures, and (mounted by main.ts) Slack's
// /slack/events and Teams' /api/messages. Express because Bolt's ExpressReceiver and botbuilder's
// CloudAdapter.process both plug into it on the same port.
import express, { type ErrorRequestHandler, type Express, type Router } from "express";
import type { AppContext } from "../../app/context.js";
import { StoreUnavailableError } from "../../ports/store.js";
import type { HelpdeskConnector } from "../helpdesks/connector.js";
import { helpdeskWebhooksRouter } from "../helpdesks/index.js";
import { publicRouter } from "./public-router.js";
import { chartRouter } from "./charts/chart-router.js";
import { exportsRouter } from "./dashboard/exports-router.js";
import { requestContext, routeOf } from "./request-context.js";
import { ticketWebhookRouter } from "./ticket-webhook.js";
import { webSurveyRouter } from "./web-survey/web-survey-router.js";
import { dashboardRouter } from "./dashboard/dashboard-router.js";
import type { RequestHandler } from "express";

export interface HttpAppOptions {
  ticketWebhookSecret: string;
  /** Platform routers (Slack, Teams), GET /metrics and the unsubscribe page: mounted first (each answers its own paths only). */
  routers?: Router[];
  /** Run on every request right after its id is set (request latency metrics). */
  middleware?: RequestHandler[];
  /** CAGNOTTE_RETENTION_DAYS, stated by GET /privacy (its default when not given). */
  retentionDays?: number;
  /** The configured helpdesk connectors, served at /webhooks/<name> (src/adapters/helpdesks). */
  helpdesks?: readonly HelpdeskConnector[];
}

export function createHttpApp(ctx: AppContext, options: HttpAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", true);
  app.use(requestContext(ctx.logger));
  for (const middleware of options.middleware ?? []) app.use(middleware);
  // First: Slack and Teams wait for an answer within seconds, and every router a request passes
  // through costs Express a walk of its routes (in an allocation profile of a burst of slash
  // commands, a fifth of all memory allocated went to walking the web pages' routers).
  for (const router of options.routers ?? []) app.use(router);

  app.get("/healthz", async (_req, res) => {
    try {
      await ctx.store.ping();
      res.json({ status: "ok", database: ctx.store.provider });
    } catch (error) {
      ctx.logger.error({ err: error }, "health check: database does not answer");
      res.status(503).json({ status: "unavailable", database: ctx.store.provider });
    }
  });

  app.use(publicRouter(ctx, { retentionDays: options.retentionDays ?? 365 }));
  app.use(ticketWebhookRouter(ctx, options.ticketWebhookSecret));
  app.use(helpdeskWebhooksRouter(options.helpdesks ?? []));
  app.use(webSurveyRouter(ctx));
  app.use(chartRouter(ctx));
  // Before the dashboard's own routes: /dashboard/exports/… are answered here.
  app.use(exportsRouter(ctx));
  app.use(dashboardRouter(ctx));

  app.use((_req, res) => {
    res.status(404).json({ error: "not-found" });
  });
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, req, res, _next) => {
    if (error.type === "entity.too.large") {
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      res.status(413).json({ error: "body-too-large", message: "the body is larger than 64 KiB" });
      return;
    }
    if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: "bad-request", message: error.message ?? "bad request" });
      return;
    }
    // Never echo bodies (comments, secrets) or paths (survey tokens) into logs: method, route
    // pattern and the request id are enough to find it.
    if (error instanceof StoreUnavailableError) {
      // Disk full or failing: nothing was written; the helpdesk (or the person) tries again later.
      ctx.logger.error({ err: { message: error.message, cause: (error.cause as Error | undefined)?.message }, method: req.method, route: routeOf(req) }, "request refused: the database cannot write");
      // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
      if (!res.headersSent) res.status(503).set("Retry-After", "30").json({ error: "unavailable", message: "the database cannot write for now; try again later" });
      return;
    }
    ctx.logger.error({ err: error, method: req.method, route: routeOf(req) }, "request failed");
    // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
    if (!res.headersSent) res.status(500).json({ error: "internal", message: "something went wrong; it has been logged" });
  };
  app.use(onError);
  return app;
}
