// A small Jira Cloud REST API v3 that behaves like the real one for what Cagnotte calls: HTTP Basic
// with an account's e-mail and API token (401 otherwise), people by account id (e-mail null when
// their privacy settings hide it; 404 for an unknown account), the caller's permissions, issue
// comments (add, edit, delete; 404 for an unknown issue or comment) and issue fields (PUT; a field
// it does not know is refused, 400). It can answer the next calls
// with a 429 (Retry-After) or a 500. Runs on 127.0.0.1 only.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeServer, listenLocally } from "../local-server.js";

export interface JiraComment {
  id: string;
  issue: string;
  body: unknown;
  properties: unknown;
}

export class FakeJira {
  readonly email = "cagnotte-bot@esn.example";
  readonly apiToken = "fake-jira-api-token";
  /** accountId → e-mail (null: hidden by the person's privacy settings). */
  readonly users = new Map<string, string | null>([
    ["712020:c84f2d17-3a9e-4b05-9e6c-71d0a5f82b49", "julie.dupont@example.com"],
    ["712020:5b1e9c3a-7d24-4f6e-a0c8-2e9d41b7f3a6", "paul.martin@esn.example"],
    ["bot-account", "cagnotte-bot@esn.example"],
  ]);
  readonly issues = new Set(["ITHD-212"]);
  readonly comments: JiraComment[] = [];
  /** Fields set through PUT /issue/<key> (issue → field → value); only `knownFields` may be set (400 otherwise). */
  readonly fields = new Map<string, Record<string, unknown>>();
  readonly knownFields = new Set(["customfield_10123"]);
  readonly permissions = new Set(["ADD_COMMENTS", "EDIT_OWN_COMMENTS", "DELETE_OWN_COMMENTS"]);
  readonly requests: string[] = [];
  private readonly faults: { status: 429 | 500; retryAfter?: string }[] = [];
  private server: Server | null = null;
  private nextId = 10_100;
  url = "";

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenLocally((req, res) => void this.handle(req, res)));
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  fail(status: 429 | 500, count = 1, retryAfter?: string): void {
    for (let i = 0; i < count; i++) this.faults.push({ status, retryAfter });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    this.requests.push(`${req.method} ${url.pathname}${url.search}`);
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers });
      res.end(body !== undefined ? JSON.stringify(body) : undefined);
    };
    if (req.headers.authorization !== `Basic ${Buffer.from(`${this.email}:${this.apiToken}`).toString("base64")}`) {
      return send(401, { errorMessages: ["Client must be authenticated to access this resource."], errors: {} });
    }
    const fault = this.faults.shift();
    if (fault) return send(fault.status, { errorMessages: [fault.status === 429 ? "Rate limit exceeded." : "Internal server error"] }, fault.retryAfter ? { "retry-after": fault.retryAfter } : {});
    const json = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    const notFound = (what: string) => send(404, { errorMessages: [what], errors: {} });
    let m: RegExpExecArray | null;
    if (req.method === "GET" && url.pathname === "/rest/api/3/myself") return send(200, { accountId: "bot-account", displayName: "Cagnotte bot", emailAddress: this.email, accountType: "atlassian" });
    if (req.method === "GET" && url.pathname === "/rest/api/3/user") {
      const id = url.searchParams.get("accountId") ?? "";
      if (!this.users.has(id)) return notFound("Specified user does not exist or you do not have required permissions");
      return send(200, { accountId: id, displayName: id, emailAddress: this.users.get(id) ?? undefined, active: true });
    }
    if (req.method === "GET" && url.pathname === "/rest/api/3/mypermissions") {
      const asked = (url.searchParams.get("permissions") ?? "").split(",");
      return send(200, { permissions: Object.fromEntries(asked.map((p) => [p, { key: p, havePermission: this.permissions.has(p) }])) });
    }
    if (req.method === "PUT" && (m = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(url.pathname))) {
      const key = decodeURIComponent(m[1]!);
      if (!this.issues.has(key)) return notFound("Issue does not exist or you do not have permission to see it.");
      const fields = (json.fields ?? {}) as Record<string, unknown>;
      const unknown = Object.keys(fields).filter((f) => !this.knownFields.has(f));
      if (unknown.length) return send(400, { errorMessages: [], errors: Object.fromEntries(unknown.map((f) => [f, `Field '${f}' cannot be set. It is not on the appropriate screen, or unknown.`])) });
      this.fields.set(key, { ...this.fields.get(key), ...fields });
      return send(204);
    }
    if ((m = /^\/rest\/api\/3\/issue\/([^/]+)\/comment(?:\/([^/]+))?$/.exec(url.pathname))) {
      const [, key, commentId] = m;
      if (!this.issues.has(decodeURIComponent(key!))) return notFound("Issue does not exist or you do not have permission to see it.");
      if (req.method === "POST" && !commentId) {
        if (!this.permissions.has("ADD_COMMENTS")) return send(403, { errorMessages: ["You do not have permission to comment on this issue."] });
        const comment: JiraComment = { id: String(this.nextId++), issue: decodeURIComponent(key!), body: json.body, properties: json.properties };
        this.comments.push(comment);
        return send(201, { id: comment.id, body: comment.body });
      }
      const index = this.comments.findIndex((c) => c.id === commentId);
      if (index < 0) return notFound("Can not find a comment for the id.");
      if (req.method === "PUT") {
        this.comments[index]!.body = json.body;
        return send(200, { id: commentId, body: json.body });
      }
      if (req.method === "DELETE") {
        this.comments.splice(index, 1);
        return send(204);
      }
    }
    return notFound("not found");
  }
}
