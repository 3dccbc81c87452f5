// The dashboard's sign-in: one-time links sent in chat and the browser sessions they start. Only
// hashes are given to the store (src/app/dashboard/sign-in.ts hashes the secrets).

export type LinkUse =
  | { ok: true; personId: string }
  | { ok: false; reason: "unknown" | "used" | "expired" };

export interface DashboardSessionRecord {
  personId: string;
  locale: "fr" | "en";
  expiresAt: Date;
}

export interface DashboardAccessRepository {
  createLink(input: { tokenHash: string; personId: string; now: Date; expiresAt: Date }): Promise<void>;
  /** What using the link now would give, without using it (the page before the sign-in). */
  peekLink(tokenHash: string, now: Date): Promise<LinkUse>;
  /** Marks the link used, conditionally: of two requests racing with one link, only one gets ok. */
  useLink(tokenHash: string, now: Date): Promise<LinkUse>;
  createSession(input: { idHash: string; personId: string; locale: "fr" | "en"; now: Date; expiresAt: Date }): Promise<void>;
  /** The session while it is neither expired nor ended; null otherwise. */
  findSession(idHash: string, now: Date): Promise<DashboardSessionRecord | null>;
  setSessionLocale(idHash: string, locale: "fr" | "en"): Promise<void>;
  /** Ends the session; false when it was not open (unknown, ended or expired). */
  endSession(idHash: string, now: Date): Promise<boolean>;
  /** Deletes links and sessions expired before `before` (kept a while for the audit's sake). */
  purge(before: Date): Promise<number>;
}

/** Answers of one campaign by the ticket's technician, moderation verdict and rating. */
export interface TechnicianRatingGroup {
  technicianId: string | null;
  technicianName: string | null;
  moderation: string;
  rating: number;
  ratingScale: number;
  answers: number;
}

/** One client company's figures in a campaign. */
export interface ClientGroup {
  clientId: string;
  clientName: string | null;
  /** Answers to surveys of the client's tickets. */
  answers: number;
  /** Active contributions, whatever their kind (as the pot counts them). */
  countedComments: number;
  /** Contributions counted by the rules (kind "counted"), which the per-client cap limits. */
  countedByRules: number;
}

/** The dashboard's breakdowns of one campaign; each read follows the campaign's own rows only. */
export interface InsightsRepository {
  technicianRatings(campaignId: string): Promise<TechnicianRatingGroup[]>;
  clients(campaignId: string): Promise<ClientGroup[]>;
}
