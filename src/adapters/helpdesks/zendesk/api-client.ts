// The few Zendesk REST API calls Cagnotte makes, authenticated with an API token
// (Basic base64("<agent e-mail>/token:<API token>")), each bounded in time. Outcomes are
// RestOutcome: callers decide what a 404 or a 429 means for them.
import { restCall, type RestOutcome } from "../rest-call.js";

export interface ZendeskApiSettings {
  url: string;
  email: string;
  token: string;
}

export interface ZendeskUser {
  id: number | string | null;
  email?: string | null;
  name?: string | null;
  role?: string | null;
  organization_id?: number | string | null;
}

export interface ZendeskTicket {
  id: number | string;
  requester_id?: number | string | null;
  assignee_id?: number | string | null;
  organization_id?: number | string | null;
  status?: string | null;
}

export interface ZendeskComment {
  id: number | string;
  html_body?: string | null;
  body?: string | null;
}

/** A ticket update's answer: its audit holds a new comment's id. */
export interface TicketUpdated {
  audit?: { events?: { id: number | string; type: string }[] };
}

export interface ZendeskApi {
  me(): Promise<RestOutcome<{ user: ZendeskUser }>>;
  user(id: string): Promise<RestOutcome<{ user: ZendeskUser }>>;
  organization(id: string): Promise<RestOutcome<{ organization: { id: number | string; name?: string | null } }>>;
  ticket(id: string): Promise<RestOutcome<{ ticket: ZendeskTicket }>>;
  /** Adds a private (internal) comment; the answer's audit holds the new comment's id. */
  addPrivateComment(ticketId: string, body: string): Promise<RestOutcome<TicketUpdated>>;
  /** Updates the ticket (a public comment, custom fields…); updates by API run the triggers. */
  updateTicket(ticketId: string, update: Record<string, unknown>): Promise<RestOutcome<TicketUpdated>>;
  comments(ticketId: string): Promise<RestOutcome<ZendeskComment[]>>;
  /** Redaction in the agent workspace: the comment's html_body with <redact> around what goes. */
  redact(ticketId: string, commentId: string, htmlBody: string): Promise<RestOutcome>;
}

/** Comments pages followed at most when looking for the note written earlier. */
const MAX_COMMENT_PAGES = 20;

export function zendeskApi(settings: ZendeskApiSettings): ZendeskApi {
  const authorization = `Basic ${Buffer.from(`${settings.email}/token:${settings.token}`).toString("base64")}`;
  const call = <T>(method: "GET" | "PUT", path: string, body?: unknown) =>
    restCall<T>({ method, url: path.startsWith("http") ? path : `${settings.url}${path}`, headers: { authorization }, body });
  const seg = encodeURIComponent;
  return {
    me: () => call("GET", "/api/v2/users/me"),
    user: (id) => call("GET", `/api/v2/users/${seg(id)}`),
    organization: (id) => call("GET", `/api/v2/organizations/${seg(id)}`),
    ticket: (id) => call("GET", `/api/v2/tickets/${seg(id)}`),
    addPrivateComment: (ticketId, body) => call("PUT", `/api/v2/tickets/${seg(ticketId)}`, { ticket: { comment: { body, public: false } } }),
    updateTicket: (ticketId, update) => call("PUT", `/api/v2/tickets/${seg(ticketId)}`, { ticket: update }),
    async comments(ticketId) {
      const all: ZendeskComment[] = [];
      let next: string | null = `/api/v2/tickets/${seg(ticketId)}/comments?sort_order=desc`;
      for (let page = 0; next && page < MAX_COMMENT_PAGES; page++) {
        // Only pages of our own Zendesk are followed.
        if (next.startsWith("http") && !next.startsWith(`${settings.url}/`)) break;
        const got: RestOutcome<{ comments: ZendeskComment[]; next_page?: string | null }> = await call("GET", next);
        if (!got.ok) return got;
        all.push(...got.body.comments);
        next = got.body.next_page ?? null;
      }
      return { ok: true, status: 200, body: all };
    },
    redact: (ticketId, commentId, htmlBody) => call("PUT", `/api/v2/comment_redactions/${seg(commentId)}`, { ticket_id: Number(ticketId), html_body: htmlBody }),
  };
}
