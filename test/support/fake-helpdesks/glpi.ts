// A small GLPI legacy REST API (apirest.php) that behaves like the real one for what Cagnotte
// calls: initSession with App-Token + `Authorization: user_token …`, then Session-Token on each
// call (401 ERROR_SESSION_TOKEN_INVALID once a session is killed), users' UserEmail entries (404
// ERROR_ITEM_NOT_FOUND for an unknown user), ticket satisfactions and follow-ups. It can answer the
// next calls with a 429 (Retry-After) or a 500. Runs on 127.0.0.1 only.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeServer, listenLocally } from "../local-server.js";
import { randomBytes } from "node:crypto";

/** GLPI keys a satisfaction by its ticket (its index is tickets_id): TicketSatisfaction/<ticket id>. */
export interface GlpiSatisfaction {
  tickets_id: number;
  type: number;
  satisfaction: number | null;
  comment: string | null;
  date_answered: string | null;
}

export interface GlpiFollowup {
  id: number;
  items_id: number;
  is_private: number;
  content: string;
}

export class FakeGlpi {
  readonly appToken = "fake-glpi-app-token";
  readonly userToken = "fake-glpi-user-token";
  /** user id → e-mails (the default one flagged). */
  readonly users = new Map<number, { email: string; is_default: number }[]>([
    [42, [{ email: "julie.old@client.example", is_default: 0 }, { email: "julie.dupont@client.example", is_default: 1 }]],
    [7, [{ email: "paul.martin@esn.example", is_default: 1 }]],
    [99, [{ email: "cagnotte-api@esn.example", is_default: 1 }]],
  ]);
  readonly satisfactions: GlpiSatisfaction[] = [];
  readonly followups: GlpiFollowup[] = [];
  /**
   * May the API user write satisfactions? GLPI lets only the requester (or the survey right) answer,
   * and nobody change an answer 12 h later; otherwise 401 ERROR_RIGHT_MISSING, as GLPI's API says it.
   */
  canWriteSatisfaction = true;
  /** Every request, as "METHOD path". */
  readonly requests: string[] = [];
  private readonly sessions = new Set<string>();
  private readonly faults: { status: 429 | 500; retryAfter?: string }[] = [];
  private server: Server | null = null;
  url = "";

  async start(): Promise<this> {
    const listening = await listenLocally((req, res) => void this.handle(req, res));
    this.server = listening.server;
    this.url = `${listening.url}/apirest.php`;
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** The next `count` API calls (after sign-in) answer this. */
  fail(status: 429 | 500, count = 1, retryAfter?: string): void {
    for (let i = 0; i < count; i++) this.faults.push({ status, retryAfter });
  }

  /** As GLPI does when a session expires or is killed: every open session is refused from now on. */
  killSessions(): void {
    this.sessions.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/apirest\.php\/?/, "");
    this.requests.push(`${req.method} ${path}${url.search}`);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json; charset=UTF-8", ...headers });
      res.end(JSON.stringify(body));
    };
    if (req.headers["app-token"] !== this.appToken) return send(400, ["ERROR_WRONG_APP_TOKEN_PARAMETER", "missing or wrong App-Token"]);
    if (path === "initSession") {
      if (req.headers.authorization !== `user_token ${this.userToken}`) return send(401, ["ERROR_GLPI_LOGIN_USER_TOKEN", "parameter user_token seems invalid"]);
      const token = randomBytes(12).toString("hex");
      this.sessions.add(token);
      return send(200, { session_token: token });
    }
    if (!this.sessions.has(String(req.headers["session-token"]))) return send(401, ["ERROR_SESSION_TOKEN_INVALID", "session_token seems invalid"]);
    const fault = this.faults.shift();
    if (fault) return send(fault.status, fault.status === 429 ? ["ERROR_TOO_MANY_REQUESTS", "slow down"] : ["ERROR", "internal"], fault.retryAfter ? { "retry-after": fault.retryAfter } : {});
    const input = chunks.length ? ((JSON.parse(Buffer.concat(chunks).toString("utf8")) as { input?: Record<string, unknown> }).input ?? {}) : {};
    const notFound = () => send(404, ["ERROR_ITEM_NOT_FOUND", "item not found"]);
    let m: RegExpExecArray | null;
    if (req.method === "GET" && path === "getFullSession") return send(200, { session: { glpiID: 99, glpiname: "cagnotte-api" } });
    if (req.method === "GET" && (m = /^User\/(\d+)\/UserEmail$/.exec(path))) {
      const emails = this.users.get(Number(m[1]));
      return emails ? send(200, emails.map((e, i) => ({ id: i + 1, users_id: Number(m![1]), ...e }))) : notFound();
    }
    const rightMissing = () => send(401, ["ERROR_RIGHT_MISSING", "You don't have permission to perform this action."]);
    if (req.method === "GET" && path === "TicketSatisfaction") return send(200, this.satisfactions.slice(0, 1));
    if (req.method === "GET" && (m = /^TicketSatisfaction\/(\d+)$/.exec(path))) {
      const row = this.satisfactions.find((x) => x.tickets_id === Number(m![1]));
      return row ? send(200, row) : notFound();
    }
    if (req.method === "POST" && path === "TicketSatisfaction") {
      if (!this.canWriteSatisfaction) return rightMissing();
      const row: GlpiSatisfaction = { tickets_id: Number(input.tickets_id), type: Number(input.type), satisfaction: Number(input.satisfaction), comment: String(input.comment ?? ""), date_answered: String(input.date_answered ?? "") };
      this.satisfactions.push(row);
      return send(201, { id: row.tickets_id, message: "" });
    }
    if (req.method === "PUT" && (m = /^TicketSatisfaction\/(\d+)$/.exec(path))) {
      const row = this.satisfactions.find((x) => x.tickets_id === Number(m![1]));
      if (!row) return notFound();
      if (!this.canWriteSatisfaction) return rightMissing();
      // As GLPI's prepareInputForUpdate: answering sets the answer's date.
      if (input.satisfaction !== undefined) {
        row.satisfaction = Number(input.satisfaction);
        row.date_answered = "now";
      }
      if (input.comment !== undefined) row.comment = String(input.comment);
      return send(200, [{ [row.tickets_id]: true, message: "" }]);
    }
    if (req.method === "POST" && (m = /^Ticket\/(\d+)\/ITILFollowup$/.exec(path))) {
      const row: GlpiFollowup = { id: 500 + this.followups.length, items_id: Number(m[1]), is_private: Number(input.is_private), content: String(input.content) };
      this.followups.push(row);
      return send(201, { id: row.id, message: "" });
    }
    if (req.method === "PUT" && (m = /^ITILFollowup\/(\d+)$/.exec(path))) {
      const row = this.followups.find((f) => f.id === Number(m![1]));
      if (!row) return notFound();
      row.content = String(input.content);
      return send(200, [{ [row.id]: true, message: "" }]);
    }
    return send(400, ["ERROR_RESOURCE_NOT_FOUND_NOR_COMMONDBTM", "resource not found"]);
  }
}
