// GET /metrics in Prometheus' text format, with prom-client. One registry per running bot (tests
// start several in one process). Counters and histograms are fed through the Metrics port
// (src/ports/metrics.ts) and by the HTTP middleware here; the outbox gauges are read from the
// database when Prometheus scrapes, so they are right whichever instance did the work.
import express, { type RequestHandler, type Router } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Logger } from "../../ports/logger.js";
import type { Metrics } from "../../ports/metrics.js";
import { routeOf } from "../http/request-context.js";

export interface OutboxStats {
  pending: number;
  dead: number;
  /** When the oldest message still to send was enqueued; null when none. */
  oldestPendingAt: Date | null;
}

export interface PrometheusOptions {
  outboxStats: () => Promise<OutboxStats>;
  now: () => Date;
  logger: Logger;
  /** Process metrics (CPU, memory, event loop), prefixed cagnotte_; off in tests that start many bots. */
  processMetrics?: boolean;
}

export interface PrometheusMetrics {
  metrics: Metrics;
  registry: Registry;
  /** Times every request by method, route pattern and status. Mount first. */
  httpMiddleware: RequestHandler;
  /** GET /metrics. */
  router: Router;
}

export const METRICS_PATH = "/metrics";

// Prometheus' HELP lines, for operators reading the exposition (English, like the logs).
const HELP = {
  // not user-facing: Prometheus HELP text
  closures: "Ticket closures received by the webhook, by result (scheduled, an ignored reason, invalid, unauthorized).",
  // not user-facing: Prometheus HELP text
  surveysSent: "Surveys delivered to a requester, by platform.",
  // not user-facing: Prometheus HELP text
  surveysAnswered: "Surveys answered, by channel (web, slack, teams).",
  // not user-facing: Prometheus HELP text
  delivered: "Messages posted or updated on a chat platform, by platform and kind.",
  // not user-facing: Prometheus HELP text
  failures: "Deliveries that did not go through, by platform and reason.",
  // not user-facing: Prometheus HELP text
  waits: "Waits for a platform's rate limit, by platform and cause (pacing: ours; retry-after: the platform's 429).",
  // not user-facing: Prometheus HELP text
  http: "HTTP request latency, by method, route pattern and status.",
  // not user-facing: Prometheus HELP text
  outboxDepth: "Outbox messages waiting to be sent (pending), read from the database on scrape.",
  // not user-facing: Prometheus HELP text
  outboxDead: "Outbox messages given up on (dead), read from the database on scrape.",
  // not user-facing: Prometheus HELP text
  outboxAge: "Age of the oldest outbox message still to send; 0 when none.",
};

export function prometheusMetrics(options: PrometheusOptions): PrometheusMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: "cagnotte_" });
  const registers = [registry];

  const closures = new Counter({ name: "cagnotte_closures_received_total", help: HELP.closures, labelNames: ["result"], registers });
  const surveysSent = new Counter({ name: "cagnotte_surveys_sent_total", help: HELP.surveysSent, labelNames: ["platform"], registers });
  const surveysAnswered = new Counter({ name: "cagnotte_surveys_answered_total", help: HELP.surveysAnswered, labelNames: ["channel"], registers });
  const delivered = new Counter({ name: "cagnotte_messages_delivered_total", help: HELP.delivered, labelNames: ["platform", "kind"], registers });
  const failures = new Counter({ name: "cagnotte_delivery_failures_total", help: HELP.failures, labelNames: ["platform", "reason"], registers });
  const waits = new Histogram({
    name: "cagnotte_rate_limit_wait_seconds",
    help: HELP.waits,
    labelNames: ["platform", "cause"],
    buckets: [0.01, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300],
    registers,
  });
  const http = new Histogram({
    name: "cagnotte_http_request_duration_seconds",
    help: HELP.http,
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  let lastScrape: Promise<OutboxStats | null> | null = null;
  /** One database read per scrape, shared by the outbox gauges. */
  const stats = (): Promise<OutboxStats | null> => {
    lastScrape ??= options
      .outboxStats()
      .catch((error: unknown) => {
        options.logger.warn({ err: error }, "metrics: could not read the outbox");
        return null;
      })
      .finally(() => setTimeout(() => (lastScrape = null), 0));
    return lastScrape;
  };
  new Gauge({
    name: "cagnotte_outbox_depth",
    help: HELP.outboxDepth,
    registers,
    async collect() {
      const s = await stats();
      if (s) this.set(s.pending);
    },
  });
  new Gauge({
    name: "cagnotte_outbox_dead",
    help: HELP.outboxDead,
    registers,
    async collect() {
      const s = await stats();
      if (s) this.set(s.dead);
    },
  });
  new Gauge({
    name: "cagnotte_outbox_oldest_age_seconds",
    help: HELP.outboxAge,
    registers,
    async collect() {
      const s = await stats();
      if (s) this.set(s.oldestPendingAt ? Math.max(0, (options.now().getTime() - s.oldestPendingAt.getTime()) / 1000) : 0);
    },
  });

  const metrics: Metrics = {
    closureReceived: (result) => closures.inc({ result }),
    surveyAnswered: (channel) => surveysAnswered.inc({ channel }),
    delivered: (platform, kind) => {
      delivered.inc({ platform, kind });
      if (kind === "survey") surveysSent.inc({ platform });
    },
    deliveryFailed: (platform, reason) => failures.inc({ platform, reason }),
    rateLimitWait: (platform, cause, ms) => waits.observe({ platform, cause }, ms / 1000),
  };

  const httpMiddleware: RequestHandler = (req, res, next) => {
    const end = http.startTimer();
    res.once("finish", () => end({ method: req.method, route: routeOf(req), status: String(res.statusCode) }));
    next();
  };

  const router = express.Router();
  router.get(METRICS_PATH, async (_req, res) => {
    res.set("Content-Type", registry.contentType).set("Cache-Control", "no-store").send(await registry.metrics());
  });
  return { metrics, registry, httpMiddleware, router };
}
