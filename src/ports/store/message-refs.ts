// Where posted messages live, by purpose: "progress:<campaignId>" (the team channel's progress
// message, edited in place) or "delivery:<outboxId>:<destination>" (a destination an outbox
// message already reached). One reference per purpose and platform.
export interface StoredMessageRef {
  purpose: string;
  platform: string;
  /** The platform's reference to the message; null when it gave none. */
  ref: string | null;
}

export interface MessageRefRepository {
  get(purpose: string, platform: string): Promise<StoredMessageRef | null>;
  /** Every platform's reference for this purpose. */
  list(purpose: string): Promise<StoredMessageRef[]>;
  /** Creates or replaces the reference of this purpose on this platform. */
  save(input: StoredMessageRef & { now: Date }): Promise<void>;
  /** Forgets every reference whose purpose starts with `prefix`; returns how many. */
  forgetStartingWith(prefix: string): Promise<number>;
}
