// Closes a ticket the way a helpdesk does: a signed POST /webhooks/tickets to the running bot.
import { signBody } from "../../src/adapters/http/signature.js";

/** The secret test/support/running-bot.ts starts the bot with. */
export const TEST_WEBHOOK_SECRET = "test-webhook-secret";

export interface WebhookPerson {
  email: string;
  name?: string;
}

export async function closeTicketViaWebhook(
  botUrl: string,
  t: { ticketId: string; requester: WebhookPerson; technician: WebhookPerson; client: { id: string; name?: string }; title?: string; kind?: string; closedAt?: string },
): Promise<{ status: number; surveyId: string | null }> {
  const body = JSON.stringify({ kind: "incident", closedAt: new Date().toISOString(), ...t });
  const res = await fetch(`${botUrl}/webhooks/tickets`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", "x-signature-256": signBody(TEST_WEBHOOK_SECRET, body) },
  });
  const json = (await res.json()) as { surveyId?: string };
  return { status: res.status, surveyId: json.surveyId ?? null };
}
