// Every management action is written to the audit log (who, when, what, why); management reads it.
import type { Repositories } from "../../ports/store.js";
import type { AuditView } from "../commands/replies.js";
import type { AppContext } from "../context.js";

export async function recordAction(
  tx: Repositories,
  entry: { at: Date; actor: string; action: string; subject: string; reason?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await tx.audit.append({ ...entry, actor: entry.actor.trim().toLowerCase() });
}

export const AUDIT_PAGE = 30;

export async function readAudit(ctx: AppContext, input: { limit?: number } = {}): Promise<AuditView[]> {
  const entries = await ctx.store.audit.latest(Math.min(Math.max(1, input.limit ?? AUDIT_PAGE), 200));
  return entries.map(({ at, actor, action, subject, reason }) => ({ at, actor, action, subject, reason }));
}
