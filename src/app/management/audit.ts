// Every management action is written to the audit log (who, when, what, why); management reads it
// with the subjects named as people read them (a ticket and its requester, a charity's name, a
// person's name) instead of database ids.
import { ticketRef } from "../../core/ticket-ref.js";
import type { AuditView } from "../../core/views.js";
import type { Repositories } from "../../ports/store.js";
import type { AppContext } from "../context.js";

export async function recordAction(
  tx: Repositories,
  entry: { at: Date; actor: string; action: string; subject: string; reason?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx.audit.append({ ...entry, actor: entry.actor.trim().toLowerCase() });
}

export const AUDIT_PAGE = 30;

async function personName(repos: Repositories, id: string): Promise<string | null> {
  const person = await repos.people.findById(id);
  return person ? (person.name ? `${person.name} <${person.email}>` : person.email) : null;
}

/** "answer:…" → "#4521 (Marie Dupont)", "charity:…" → its name, "person:…" → the person; else as stored. */
async function nameOf(repos: Repositories, reference: string): Promise<string> {
  const [kind, id = ""] = reference.split(/:(.*)/s);
  switch (kind) {
    case "answer": {
      const answer = await repos.answers.findById(id);
      const context = answer && (await repos.surveys.findContext(answer.surveyId));
      return context ? `${ticketRef(context.ticket)} (${context.requester.name ?? context.requester.email})` : reference;
    }
    case "charity":
      return (await repos.charities.findById(id))?.name ?? reference;
    case "person":
      return (await personName(repos, id)) ?? reference;
    case "campaign":
      return id;
    default:
      return reference;
  }
}

export async function readAudit(ctx: AppContext, input: { limit?: number } = {}): Promise<AuditView[]> {
  const entries = await ctx.store.audit.latest(Math.min(Math.max(1, input.limit ?? AUDIT_PAGE), 200));
  return Promise.all(
    entries.map(async ({ at, actor, action, subject, reason }) => ({
      at,
      actor: actor.startsWith("person:") ? await nameOf(ctx.store, actor) : actor,
      action,
      subject: await nameOf(ctx.store, subject),
      reason,
    })),
  );
}
