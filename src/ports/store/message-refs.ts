// Where posted messages live, by purpose: "progress:<campaignId>" (the team channel's progress
// message, edited in place), "delivery:<outboxId>:<destination>" (a destination an outbox
// message already reached) or "comment:<answerId>:<content kind>:<destination>" (a message that
// quotes a comment, kept so that every copy can be edited when the comment is withdrawn,
// retracted or reported). One reference per purpose and platform.
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
  /** Every reference whose purpose starts with `prefix` (exactly: no pattern characters), oldest first. */
  listStartingWith(prefix: string): Promise<StoredMessageRef[]>;
  /** Forgets every reference whose purpose starts with `prefix`; returns how many. */
  forgetStartingWith(prefix: string): Promise<number>;
}
