// People (requesters, technicians, management) and client companies.
import type { Client, Locale, Person } from "../../core/model.js";

export interface PeopleRepository {
  upsertByEmail(input: { email: string; name?: string | null; clientId?: string | null; now: Date }): Promise<Person>;
  /** upsertByEmail for several people at once (one read, one multi-row insert, an update per change); by e-mail (lower case). */
  upsertManyByEmail(inputs: readonly { email: string; name?: string | null; clientId?: string | null }[], now: Date): Promise<Map<string, Person>>;
  findById(id: string): Promise<Person | null>;
  findByEmail(email: string): Promise<Person | null>;
  findByPlatformId(platform: "slack" | "teams", userId: string): Promise<Person | null>;
  linkPlatform(personId: string, link: { platform: "slack" | "teams"; userId: string; locale?: Locale | null; teamsConversation?: string | null }, now: Date): Promise<void>;
  /** Teams can only message people whose conversation reference (JSON) it saved. */
  teamsConversation(personId: string): Promise<{ reference: string | null; unreachable: boolean } | null>;
  /** The person blocked the bot or left: stop sending until they link again (linkPlatform clears it). */
  markUnreachable(personId: string, platform: "slack" | "teams", now: Date): Promise<void>;
}

export interface ClientRepository {
  upsertByExternalId(input: { externalId: string; name?: string | null; now: Date }): Promise<Client>;
  /** upsertByExternalId for several clients at once; by external id. */
  upsertManyByExternalId(inputs: readonly { externalId: string; name?: string | null }[], now: Date): Promise<Map<string, Client>>;
  findById(id: string): Promise<Client | null>;
}
