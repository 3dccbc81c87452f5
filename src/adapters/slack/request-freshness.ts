// Slack signs `v0:<timestamp>:<body>` and asks receivers to refuse a timestamp more than five
// minutes away from now, either way. Bolt only refuses old ones: a signed request dated in the
// future would stay replayable until that date. This guard, mounted before Bolt's receiver,
// refuses those (401, as Bolt answers a bad signature) before the body is read.
import express, { type Router } from "express";

const MAX_SKEW_SECONDS = 5 * 60;

export function refuseFutureSlackRequests(path: string, now: () => number = Date.now): Router {
  const router = express.Router();
  router.post(path, (req, res, next) => {
    const ts = Number(req.header("x-slack-request-timestamp"));
    if (Number.isFinite(ts) && ts > Math.floor(now() / 1000) + MAX_SKEW_SECONDS) res.status(401).end();
    else next();
  });
  return router;
}
