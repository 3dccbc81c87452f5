// A helpdesk connector: the helpdesk's webhook endpoint (its own authentication and payload, mapped
// to the ticket-closed use case) and the Helpdesk port (look-ups, write-back, settings check).
// Each helpdesk lives in its own folder here (glpi/, zendesk/, freshdesk/, jira/); index.ts builds
// the configured ones and http-app mounts their routers under /webhooks/<name>.
import type { Response, Router } from "express";
import type { AppContext } from "../../app/context.js";
import { ticketClosed, type TicketClosedEvent } from "../../app/ticket-closed.js";
import type { Helpdesk } from "../../ports/helpdesk.js";

export interface HelpdeskConnector {
  readonly helpdesk: Helpdesk;
  /** Serves /webhooks/<name>: POST, and GET where the helpdesk needs it (GLPI's challenge). */
  readonly router: Router;
}

/**
 * The answers every connector gives, the same as the generic webhook's: 202 with the survey when
 * one is scheduled, 200 `ignored` with the reason otherwise (a duplicate delivery included).
 */
export async function answerClosure(ctx: AppContext, res: Response, event: TicketClosedEvent): Promise<void> {
  const result = await ticketClosed(ctx, event);
  ctx.metrics?.closureReceived(result.status === "scheduled" ? "scheduled" : result.reason);
  if (result.status === "scheduled") res.status(202).json({ surveyId: result.surveyId, surveyUrl: result.surveyUrl });
  else res.status(200).json({ status: "ignored", reason: result.reason });
}

/** 200 `ignored` for a delivery that is not a closure (another event, another status…). */
export function ignoreEvent(ctx: AppContext, res: Response, reason: string): void {
  ctx.metrics?.closureReceived("not-a-closure");
  res.status(200).json({ status: "ignored", reason });
}

/** 401: the helpdesk's authentication failed; nothing was read further, nothing written. */
export function refuseUnauthenticated(ctx: AppContext, res: Response, message: string): void {
  ctx.metrics?.closureReceived("unauthorized");
  res.status(401).json({ error: "unauthenticated", message });
}
