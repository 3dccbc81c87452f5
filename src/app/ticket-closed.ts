// A helpdesk reports a closed ticket: store it (once per source and ticket id), decide whether to
// survey it, and schedule the survey's delivery — ticket, survey and outbox message in one
// transaction, so a crash never leaves a survey that nobody will send.
import { randomBytes } from "node:crypto";
import { decideSurvey, surveyExpiresAt, type NotSurveyedReason } from "../core/rules/survey-policy.js";
import { ConflictError } from "../ports/store.js";
import type { AppContext } from "./context.js";
import { surveyUrl } from "./context.js";

export interface TicketClosedEvent {
  source: string;
  ticketId: string;
  title: string | null;
  kind: string;
  closedAt: Date;
  requester: { email: string; name: string | null };
  technician: { email: string; name: string | null };
  client: { id: string; name: string | null };
}

export type TicketClosedResult =
  | { status: "scheduled"; surveyId: string; surveyUrl: string }
  | { status: "ignored"; reason: NotSurveyedReason };

export async function ticketClosed(ctx: AppContext, event: TicketClosedEvent): Promise<TicketClosedResult> {
  const result = await recordTicket(ctx, event).catch((error: unknown) => {
    // The same ticket reported twice at the same moment: the loser of the race is a duplicate.
    if (error instanceof ConflictError) return { status: "ignored", reason: "duplicate" } as const;
    throw error;
  });
  // Never the survey link: its token alone answers the survey or withdraws the comment.
  const logged = result.status === "scheduled" ? { status: result.status, surveyId: result.surveyId } : result;
  ctx.logger.info({ source: event.source, ticketId: event.ticketId, ...logged }, "ticket closed");
  return result;
}

async function recordTicket(ctx: AppContext, event: TicketClosedEvent): Promise<TicketClosedResult> {
  const now = ctx.clock.now();
  return ctx.store.transaction(async (tx): Promise<TicketClosedResult> => {
    const decision = decideSurvey({
      kind: event.kind,
      surveyedKinds: ctx.rules.surveyedKinds,
      alreadyKnown: await tx.tickets.exists(event.source, event.ticketId),
      requesterEmail: event.requester.email,
      technicianEmail: event.technician.email,
      staff: { emails: ctx.admins, domains: ctx.rules.staffDomains },
      demo: event.source === "demo",
    });
    if (!decision.survey) return { status: "ignored", reason: decision.reason };

    const client = await tx.clients.upsertByExternalId({ externalId: event.client.id, name: event.client.name, now });
    const requester = await tx.people.upsertByEmail({ ...event.requester, clientId: client.id, now });
    const technician = await tx.people.upsertByEmail({ ...event.technician, now });
    const ticket = await tx.tickets.create({
      source: event.source,
      externalId: event.ticketId,
      title: event.title,
      kind: event.kind.trim().toLowerCase(),
      closedAt: event.closedAt,
      receivedAt: now,
      requesterId: requester.id,
      technicianId: technician.id,
      clientId: client.id,
    });
    const survey = await tx.surveys.create({
      ticketId: ticket.id,
      token: randomBytes(18).toString("base64url"),
      createdAt: now,
      expiresAt: surveyExpiresAt(event.closedAt, { days: ctx.rules.surveyExpiryDays, timeZone: ctx.rules.timeZone }),
    });
    await tx.outbox.enqueue({
      kind: "survey.deliver",
      payload: { surveyId: survey.id },
      dedupeKey: `survey.deliver:${survey.id}`,
      availableAt: now,
      now,
    });
    return { status: "scheduled", surveyId: survey.id, surveyUrl: surveyUrl(ctx, survey.token) };
  });
}
