// What the delivery rules (src/app/delivery) ask of a chat platform: post a message to a person or
// to the team channel, and edit one posted before. Slack and Teams implement it; until one is
// configured, a logging platform stands in. The platform words the content in the reader's
// language (the person's known locale, else the platform's, else CAGNOTTE_DEFAULT_LOCALE; a
// channel: the default) through the presenter, and converts its own errors into these results.
import type { ChatContent, Recipient } from "../core/views.js";

export type Destination = { to: "person"; person: Recipient } | { to: "team" };

export type DeliveryResult =
  /** Delivered; `ref` says where the message lives (to edit or delete it later), as the platform reads it. */
  | { status: "sent"; platform: string; ref: string | null }
  /** Try again later: rate limited (`retryAfterMs` from the platform) or a passing fault. */
  | { status: "retry"; error: string; retryAfterMs?: number; rateLimited?: boolean }
  /** Will never work for this destination (unknown user, bot blocked, no team channel): stop trying. */
  | { status: "unreachable"; reason: string };

/** The result of editing a message: `gone` when it no longer exists (deleted by someone). */
export type UpdateResult = DeliveryResult | { status: "gone" };

export interface ChatPlatform {
  readonly name: string;
  post(destination: Destination, content: ChatContent): Promise<DeliveryResult>;
  /** Edits a message this platform posted (`ref` from its DeliveryResult). */
  update(ref: string, content: ChatContent): Promise<UpdateResult>;
}
