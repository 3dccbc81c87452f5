// A small Freshdesk API v2: API-key authentication (Basic "<key>:X"), tickets, contacts, agents,
// companies, private notes created on a ticket and edited or deleted as conversations, public
// replies, custom fields set by a ticket update (unknown fields refused, 400). Like the
// real one, an unknown id is a 404, and faults (429 with Retry-After, 500) can be queued.
import { HttpFake, type Reply } from "./http-fake.js";

export interface FakeFreshdeskNote {
  id: number;
  ticket_id: number;
  body: string;
  private: boolean;
  user_id: number;
}

export class FakeFreshdesk extends HttpFake {
  readonly tickets = new Map<number, { id: number; status: number; requester_id: number; responder_id: number | null; company_id: number | null }>();
  readonly contacts = new Map<number, { id: number; name: string; email: string | null }>();
  readonly agents = new Map<number, { id: number; contact: { name: string; email: string } }>();
  readonly companies = new Map<number, { id: number; name: string }>();
  readonly notes = new Map<number, FakeFreshdeskNote>();
  /** Public replies (e-mailed to the requester by Freshdesk) and custom fields set through the API. */
  readonly replies: { id: number; ticket_id: number; body: string }[] = [];
  readonly customFields = new Map<number, Record<string, string>>();
  /** The custom ticket fields the account has (Admin > Ticket fields): others are refused (400). */
  readonly knownFields = new Set(["cf_cagnotte_survey"]);
  private nextId = 70_000;

  constructor(readonly agent: { apiKey: string; id: number; email: string } = { apiKey: "freshdesk-api-key", id: 5, email: "cagnotte-bot@esn.example" }) {
    super();
    this.agents.set(agent.id, { id: agent.id, contact: { name: "Cagnotte", email: agent.email } });
  }

  notesOn(ticketId: number): FakeFreshdeskNote[] {
    return [...this.notes.values()].filter((n) => n.ticket_id === ticketId);
  }

  protected handle(method: string, path: string, _query: URLSearchParams, body: unknown, authorization: string | null): Reply {
    if (authorization !== `Basic ${Buffer.from(`${this.agent.apiKey}:X`).toString("base64")}`) {
      return { status: 401, body: { code: "invalid_credentials", message: "You have to be logged in to perform this action." } };
    }
    const notFound: Reply = { status: 404, body: undefined };
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/api/v2/agents/me") return { status: 200, body: this.agents.get(this.agent.id) };
    if (method === "GET" && (m = path.match(/^\/api\/v2\/(tickets|contacts|agents|companies)\/(\d+)$/))) {
      const table = { tickets: this.tickets, contacts: this.contacts, agents: this.agents, companies: this.companies }[m[1] as "tickets"] as Map<number, unknown>;
      const found = table.get(Number(m[2]));
      return found ? { status: 200, body: found } : notFound;
    }
    if (method === "POST" && (m = path.match(/^\/api\/v2\/tickets\/(\d+)\/notes$/))) {
      if (!this.tickets.has(Number(m[1]))) return notFound;
      const { body: html, private: isPrivate } = (body ?? {}) as { body?: string; private?: boolean };
      if (!html) return { status: 400, body: { description: "Validation failed", errors: [{ field: "body", code: "missing_field" }] } };
      const note: FakeFreshdeskNote = { id: this.nextId++, ticket_id: Number(m[1]), body: html, private: isPrivate ?? true, user_id: this.agent.id };
      this.notes.set(note.id, note);
      return { status: 201, body: note };
    }
    if (method === "POST" && (m = path.match(/^\/api\/v2\/tickets\/(\d+)\/reply$/))) {
      if (!this.tickets.has(Number(m[1]))) return notFound;
      const html = (body as { body?: string } | null)?.body;
      if (!html) return { status: 400, body: { description: "Validation failed", errors: [{ field: "body", code: "missing_field" }] } };
      const reply = { id: this.nextId++, ticket_id: Number(m[1]), body: html };
      this.replies.push(reply);
      return { status: 201, body: reply };
    }
    if (method === "PUT" && (m = path.match(/^\/api\/v2\/tickets\/(\d+)$/))) {
      const ticket = this.tickets.get(Number(m[1]));
      if (!ticket) return notFound;
      const fields = (body as { custom_fields?: Record<string, string> } | null)?.custom_fields ?? {};
      const unknown = Object.keys(fields).filter((f) => !this.knownFields.has(f));
      if (unknown.length) return { status: 400, body: { description: "Validation failed", errors: unknown.map((field) => ({ field, message: "Unexpected/invalid field in request", code: "invalid_field" })) } };
      this.customFields.set(ticket.id, { ...this.customFields.get(ticket.id), ...fields });
      return { status: 200, body: { ...ticket, custom_fields: this.customFields.get(ticket.id) } };
    }
    if ((m = path.match(/^\/api\/v2\/conversations\/(\d+)$/))) {
      const note = this.notes.get(Number(m[1]));
      if (!note) return notFound;
      if (method === "PUT") {
        const html = (body as { body?: string } | null)?.body;
        if (!html) return { status: 400, body: { description: "Validation failed" } };
        note.body = html;
        return { status: 200, body: note };
      }
      if (method === "DELETE") {
        this.notes.delete(note.id);
        return { status: 204 };
      }
    }
    return notFound;
  }
}
