// What the e-mail channel keeps: a person's choice to receive no more surveys (and the random token
// of their unsubscribe link), and a client's choice to be surveyed by e-mail first.
import type { Client } from "../../core/model.js";

export interface SurveyRouting {
  /** The requester asked to receive no more surveys (on any channel). */
  optedOut: boolean;
  /** Their client is set to e-mail first. */
  emailFirst: boolean;
}

export interface MailingRepository {
  routing(input: { personId: string; clientId: string | null }): Promise<SurveyRouting>;
  /** The person's unsubscribe token, made (random, unguessable) the first time it is asked for. */
  unsubscribeToken(personId: string, make: () => string): Promise<string>;
  findByUnsubscribeToken(token: string): Promise<{ personId: string; email: string; locale: string | null; optedOut: boolean } | null>;
  /** true: no more surveys; false: surveys again. Returns whether it changed anything. */
  setOptedOut(personId: string, optedOut: boolean, now: Date): Promise<boolean>;
  /** Clients whose helpdesk id is `query`, else whose name is `query` (case-insensitive). */
  findClients(query: string): Promise<(Client & { emailFirst: boolean })[]>;
  setEmailFirst(clientId: string, on: boolean): Promise<void>;
}
