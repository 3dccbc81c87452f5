// Replay memory of the helpdesk webhooks: a delivery is known by its source ("glpi", "jira"…) and
// a key that the helpdesk repeats when it resends the same delivery (GLPI: the signature, since a
// retry resends the same bytes and timestamp; Jira: X-Atlassian-Webhook-Identifier).
export interface WebhookDeliveryRepository {
  /**
   * Records the delivery; true when it was not known yet, false when it was (a replay or a
   * repeated delivery). Safe when two requests race: exactly one of them gets true.
   */
  firstSeen(source: string, key: string, at: Date): Promise<boolean>;
  /** Forgets one delivery (its handling failed: the helpdesk's retry must be handled, not refused). */
  forget(source: string, key: string): Promise<void>;
  /** Forgets deliveries received before `cutoff`; returns how many. */
  forgetBefore(cutoff: Date): Promise<number>;
}
