// The configured helpdesk connectors, and the router that serves their webhooks under
// /webhooks/<name>. A helpdesk Cagnotte knows but that is not configured answers 404
// {error: "not-configured"}, so a helpdesk pointed at the wrong instance fails plainly.
import express, { type Router } from "express";
import type { AppContext } from "../../app/context.js";
import type { Config } from "../../config.js";
import { HELPDESK_NAMES, type HelpdeskName } from "../../ports/helpdesk.js";
import type { HelpdeskConnector } from "./connector.js";
import { glpiConnector } from "./glpi/index.js";
import { jiraConnector } from "./jira/index.js";
import { zendeskConnector } from "./zendesk/index.js";
import { freshdeskConnector } from "./freshdesk/index.js";

export { writeBackWanted } from "./write-back-setting.js";

/** One connector per configured helpdesk (each `<name>Connector` answers null when its settings are absent). */
export function helpdeskConnectors(ctx: AppContext, config: Config): HelpdeskConnector[] {
  const connectors: (HelpdeskConnector | null)[] = [
    // GLPI / Jira
    glpiConnector(ctx, config),
    jiraConnector(ctx, config),
    // Zendesk / Freshdesk
    zendeskConnector(ctx, config),
    freshdeskConnector(ctx, config),
  ];
  return connectors.filter((c): c is HelpdeskConnector => c !== null);
}

const isHelpdeskName = (name: string): name is HelpdeskName => (HELPDESK_NAMES as readonly string[]).includes(name);

/** /webhooks/<name> for each connector; 404 not-configured for the other helpdesks Cagnotte knows. */
export function helpdeskWebhooksRouter(connectors: readonly HelpdeskConnector[]): Router {
  const router = express.Router();
  for (const connector of connectors) router.use(`/webhooks/${connector.helpdesk.name}`, connector.router);
  router.all("/webhooks/:name", (req, res, next) => {
    const name = String(req.params.name);
    if (!isHelpdeskName(name) || connectors.some((c) => c.helpdesk.name === name)) {
      next();
      return;
    }
    // not user-facing: the webhook API's error for the integrator's developers (English, like the docs)
    res.status(404).json({ error: "not-configured", message: `the ${name} connector is not configured on this instance (see README, Helpdesks)` });
  });
  return router;
}
