// A small Zendesk Support API: API-token authentication (Basic "<email>/token:<token>"), users,
// organizations, tickets, comments (private or public) and custom fields set by a ticket update, comment listing and
// redaction in the agent workspace. Like the real one, a closed ticket refuses updates (422), an
// unknown id is a 404, and faults (429 with Retry-After, 500) can be queued.
import { HttpFake, type Reply } from "./http-fake.js";

export interface FakeZendeskUser {
  id: number;
  name: string;
  email: string | null;
  role: "end-user" | "agent" | "admin";
  organization_id?: number | null;
}

export interface FakeZendeskComment {
  id: number;
  body: string;
  html_body: string;
  public: boolean;
  author_id: number;
}

export interface FakeZendeskTicket {
  id: number;
  status: "new" | "open" | "pending" | "solved" | "closed";
  requester_id: number;
  assignee_id: number | null;
  organization_id: number | null;
  comments: FakeZendeskComment[];
  /** Custom ticket fields set through the API (field id → value). */
  custom_fields?: Record<number, string>;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export class FakeZendesk extends HttpFake {
  readonly users = new Map<number, FakeZendeskUser>();
  readonly organizations = new Map<number, { id: number; name: string }>();
  readonly tickets = new Map<number, FakeZendeskTicket>();
  private nextId = 90_000_000;

  constructor(
    readonly agent: { email: string; token: string; id: number; role?: FakeZendeskUser["role"] } = { email: "cagnotte-bot@esn.example", token: "zendesk-api-token", id: 1 },
  ) {
    super();
    this.users.set(agent.id, { id: agent.id, name: "Cagnotte", email: agent.email, role: agent.role ?? "agent" });
  }

  /** Private comments written on a ticket by the API user. */
  privateComments(ticketId: number): FakeZendeskComment[] {
    return (this.tickets.get(ticketId)?.comments ?? []).filter((c) => !c.public && c.author_id === this.agent.id);
  }

  protected handle(method: string, path: string, _query: URLSearchParams, body: unknown, authorization: string | null): Reply {
    const expected = `Basic ${Buffer.from(`${this.agent.email}/token:${this.agent.token}`).toString("base64")}`;
    if (authorization !== expected) return { status: 401, body: { error: "Couldn't authenticate you" } };
    const notFound: Reply = { status: 404, body: { error: "RecordNotFound", description: "Not found" } };
    let m: RegExpMatchArray | null;
    if (method === "GET" && path === "/api/v2/users/me") return { status: 200, body: { user: this.users.get(this.agent.id) } };
    if (method === "GET" && (m = path.match(/^\/api\/v2\/users\/(\d+)$/))) {
      const user = this.users.get(Number(m[1]));
      return user ? { status: 200, body: { user } } : notFound;
    }
    if (method === "GET" && (m = path.match(/^\/api\/v2\/organizations\/(\d+)$/))) {
      const organization = this.organizations.get(Number(m[1]));
      return organization ? { status: 200, body: { organization } } : notFound;
    }
    if ((m = path.match(/^\/api\/v2\/tickets\/(\d+)(\/comments)?$/))) {
      const ticket = this.tickets.get(Number(m[1]));
      if (!ticket) return notFound;
      const { comments, ...rest } = ticket;
      if (method === "GET" && m[2]) return { status: 200, body: { comments: [...comments].reverse(), next_page: null, count: comments.length } };
      if (method === "GET") return { status: 200, body: { ticket: rest } };
      if (method === "PUT" && !m[2]) return this.updateTicket(ticket, body);
    }
    if (method === "PUT" && (m = path.match(/^\/api\/v2\/comment_redactions\/(\d+)$/))) return this.redact(Number(m[1]), body);
    return { status: 404, body: { error: "InvalidEndpoint" } };
  }

  private updateTicket(ticket: FakeZendeskTicket, body: unknown): Reply {
    if (ticket.status === "closed") return { status: 422, body: { error: "RecordInvalid", description: "Record validation errors", details: { status: [{ description: "Status: closed prevents ticket update" }] } } };
    const update = (body as { ticket?: { comment?: { body?: string; public?: boolean }; custom_fields?: { id: number; value: string }[] } })?.ticket;
    if (update?.custom_fields && !update.comment) {
      for (const f of update.custom_fields) ticket.custom_fields = { ...ticket.custom_fields, [f.id]: f.value };
      return { status: 200, body: { ticket: { id: ticket.id, status: ticket.status }, audit: { id: this.nextId++, events: [] } } };
    }
    const comment = update?.comment;
    if (!comment?.body) return { status: 400, body: { error: "no comment" } };
    const created: FakeZendeskComment = {
      id: this.nextId++,
      body: comment.body,
      html_body: `<div class="zd-comment" dir="auto">${escape(comment.body).replace(/\n/g, "<br>")}</div>`,
      public: comment.public ?? true,
      author_id: this.agent.id,
    };
    ticket.comments.push(created);
    return { status: 200, body: { ticket: { id: ticket.id, status: ticket.status }, audit: { id: this.nextId++, events: [{ id: created.id, type: "Comment", body: created.body, public: created.public }] } } };
  }

  private redact(commentId: number, body: unknown): Reply {
    const { ticket_id, html_body } = (body ?? {}) as { ticket_id?: number; html_body?: string };
    const ticket = ticket_id === undefined ? undefined : this.tickets.get(ticket_id);
    const comment = ticket?.comments.find((c) => c.id === commentId);
    if (!comment || !html_body) return { status: 404, body: { error: "RecordNotFound" } };
    // The html_body sent must be the comment's own, with <redact> tags added.
    if (html_body.replace(/<\/?redact>/g, "") !== comment.html_body) return { status: 400, body: { error: "html_body does not match the comment" } };
    comment.html_body = html_body.replace(/<redact>([\s\S]*?)<\/redact>/g, (_, text: string) => "▇".repeat(text.length));
    comment.body = comment.html_body.replace(/<br>/g, "\n").replace(/<[^>]*>/g, "");
    return { status: 200, body: { comment } };
  }
}
