// The few Freshdesk REST API v2 calls Cagnotte makes, authenticated with an agent's API key
// (Basic base64("<API key>:X")), each bounded in time.
import { restCall, type RestOutcome } from "../rest-call.js";

export interface FreshdeskApiSettings {
  url: string;
  apiKey: string;
}

type Id = number | string;

export interface FreshdeskApi {
  me(): Promise<RestOutcome<{ id: Id; contact?: { email?: string | null; name?: string | null } }>>;
  ticket(id: string): Promise<RestOutcome<{ id: Id; requester_id?: Id | null; responder_id?: Id | null; company_id?: Id | null }>>;
  contact(id: string): Promise<RestOutcome<{ id: Id; email?: string | null; name?: string | null }>>;
  agent(id: string): Promise<RestOutcome<{ id: Id; contact?: { email?: string | null; name?: string | null } }>>;
  company(id: string): Promise<RestOutcome<{ id: Id; name?: string | null }>>;
  /** A private note on the ticket (body in HTML); the answer is the note, with its id. */
  addPrivateNote(ticketId: string, html: string): Promise<RestOutcome<{ id: Id }>>;
  /** A public reply on the ticket (body in HTML), which Freshdesk e-mails to the requester. */
  reply(ticketId: string, html: string): Promise<RestOutcome<{ id: Id }>>;
  /** Updates the ticket (custom fields…); updates by API run the automations. */
  updateTicket(ticketId: string, update: Record<string, unknown>): Promise<RestOutcome<{ id: Id }>>;
  /** Edits a note (Freshdesk lets notes, not replies, be edited). */
  updateNote(noteId: string, html: string): Promise<RestOutcome<{ id: Id }>>;
}


export function freshdeskApi(settings: FreshdeskApiSettings): FreshdeskApi {
  const authorization = `Basic ${Buffer.from(`${settings.apiKey}:X`).toString("base64")}`;
  const call = <T>(method: "GET" | "POST" | "PUT", path: string, body?: unknown) => restCall<T>({ method, url: `${settings.url}${path}`, headers: { authorization }, body });
  const seg = encodeURIComponent;
  return {
    me: () => call("GET", "/api/v2/agents/me"),
    ticket: (id) => call("GET", `/api/v2/tickets/${seg(id)}`),
    contact: (id) => call("GET", `/api/v2/contacts/${seg(id)}`),
    agent: (id) => call("GET", `/api/v2/agents/${seg(id)}`),
    company: (id) => call("GET", `/api/v2/companies/${seg(id)}`),
    addPrivateNote: (ticketId, html) => call("POST", `/api/v2/tickets/${seg(ticketId)}/notes`, { body: html, private: true }),
    reply: (ticketId, html) => call("POST", `/api/v2/tickets/${seg(ticketId)}/reply`, { body: html }),
    updateTicket: (ticketId, update) => call("PUT", `/api/v2/tickets/${seg(ticketId)}`, update),
    updateNote: (noteId, html) => call("PUT", `/api/v2/conversations/${seg(noteId)}`, { body: html }),
  };
}
