// The moderation queue and the audit log of management's decisions.

export interface ModerationItemRecord {
  id: string;
  answerId: string;
  verdict: string;
  terms: string[];
  status: "pending" | "approved" | "rejected" | "closed";
  createdAt: Date;
}

export interface ModerationRepository {
  create(input: { answerId: string; verdict: string; terms: string[]; status: "pending" | "closed"; at: Date }): Promise<void>;
  countPending(): Promise<number>;
  /** The items waiting for management, oldest first. */
  pending(limit: number): Promise<ModerationItemRecord[]>;
  findById(id: string): Promise<ModerationItemRecord | null>;
  /** The answer's item still waiting for management, if any (a report does not queue it twice). */
  pendingFor(answerId: string): Promise<ModerationItemRecord | null>;
  /** Conditional: only a pending item is resolved; false when someone resolved it first. */
  resolve(id: string, input: { status: "approved" | "rejected"; by: string; at: Date }): Promise<boolean>;
}

export interface AuditRecord {
  at: Date;
  actor: string;
  action: string;
  subject: string;
  reason: string | null;
  details: Record<string, unknown>;
}

export interface AuditRepository {
  append(entry: { at: Date; actor: string; action: string; subject: string; reason?: string | null; details?: Record<string, unknown> }): Promise<void>;
  /** The latest entries, newest first. */
  latest(limit: number): Promise<AuditRecord[]>;
}
