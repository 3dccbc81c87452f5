// A small Bot Connector that behaves like the real one for what botbuilder calls: send, reply,
// update, create a 1:1 conversation, read members. It records every activity the bot sends and
// can answer the next sends with a 429 (Retry-After), a 500 or a 403 MessageWritesBlocked, in the
// error shape the real service uses, or leave them unanswered ("timeout") or reset the connection
// ("reset"). Runs on 127.0.0.1 only.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeServer, listenLocally } from "../local-server.js";

export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
  userPrincipalName?: string;
}

export interface RecordedActivity {
  /** A new message ("send"; Teams posts a reply to an unknown or continuation id as new), or an edit. */
  method: "send" | "update";
  replyToId: string | null;
  conversationId: string;
  activityId: string;
  activity: Record<string, unknown>;
}

export interface Fault {
  status: 429 | 403 | 500 | "timeout" | "reset";
  retryAfter?: string;
  code?: string;
  /** Only for this conversation; any when absent. */
  conversationId?: string;
}

/** Teams' rate limits, as the real service enforces them (a 429 with Retry-After beyond them). */
export interface ConnectorLimits {
  /** Per bot per conversation (Teams: 7 a second, 8 per 2 s, 60 per 30 s, 1800 per hour). */
  conversation: { limit: number; ms: number }[];
  /** The whole bot, every conversation together (Teams: about 50 a second per app and tenant). */
  bot: { limit: number; ms: number }[];
}

/** Teams' documented limits. */
export const TEAMS_LIMITS: ConnectorLimits = {
  conversation: [
    { limit: 7, ms: 1_000 },
    { limit: 8, ms: 2_000 },
    { limit: 60, ms: 30_000 },
    { limit: 1_800, ms: 3_600_000 },
  ],
  bot: [{ limit: 50, ms: 1_000 }],
};

export class FakeConnector {
  readonly activities: RecordedActivity[] = [];
  readonly createdConversations: { id: string; memberId: string }[] = [];
  private readonly members = new Map<string, TeamsMember>();
  private readonly faults: Fault[] = [];
  /** Every fault served, with when (on `now`) and in which conversation. */
  readonly served: (Fault & { conversationId: string; at: number })[] = [];
  /** Every activity request (send or edit) as it arrived, answered or not. */
  readonly requests: { conversationId: string; at: number; fault: Fault["status"] | null }[] = [];
  /** The clock requests are stamped with (tests with a virtual clock replace it). */
  now: () => number = () => Date.now();
  /** Rate limits enforced on activity requests (none when null). */
  limits: ConnectorLimits | null = null;
  /** Every 429 the limits caused: where, when (on `now`), whose limit, the Retry-After given (s). */
  readonly throttled: { conversationId: string; at: number; scope: "conversation" | "bot"; retryAfter: number }[] = [];
  /** Requests that came while a Retry-After given earlier (to this conversation, or to the bot) still ran. */
  readonly early: { conversationId: string; at: number; scope: "conversation" | "bot"; earlyByMs: number }[] = [];
  private readonly accepted = new Map<string, number[]>();
  private readonly botAccepted: number[] = [];
  private readonly waitUntil = new Map<string, number>();
  private botWaitUntil = 0;
  private server: Server | null = null;
  private seq = 0;
  url = "";

  addMember(member: TeamsMember): TeamsMember {
    this.members.set(member.id, member);
    return member;
  }

  failNext(...faults: Fault[]): void {
    this.faults.push(...faults);
  }

  /** Cards sent to (or updated in) a conversation, oldest first. */
  cardsIn(conversationId: string, method?: RecordedActivity["method"]): Record<string, unknown>[] {
    return this.activities
      .filter((a) => a.conversationId === conversationId && (!method || a.method === method))
      .flatMap((a) => ((a.activity.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []).map((att) => att.content));
  }

  async start(): Promise<void> {
    const listening = await listenLocally((req, res) => {
      this.handle(req, res).catch((error: unknown) => this.json(res, 500, { error: { code: "ServiceError", message: String(error) } }));
    });
    this.server = listening.server;
    this.url = `${listening.url}/`;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(body));
  }

  private async body(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }

  private takeFault(conversationId: string): Fault | null {
    const index = this.faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
    return index === -1 ? null : (this.faults.splice(index, 1)[0] ?? null);
  }

  private sendFault(req: IncomingMessage, res: ServerResponse, fault: Fault): void {
    if (fault.status === "reset") return void req.socket.destroy();
    // Accepted, never answered: the connection stays open until the client gives up.
    if (fault.status === "timeout") return;
    const code = fault.code ?? (fault.status === 429 ? "Throttled" : fault.status === 403 ? "Forbidden" : "ServiceError");
    this.json(res, fault.status, { error: { code, message: `fake connector: ${code}` } }, fault.retryAfter ? { "retry-after": fault.retryAfter } : {});
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    // [v3, conversations, :id?, activities|members|pagedmembers, :sub?]
    if (parts[0] !== "v3" || parts[1] !== "conversations") return this.json(res, 404, { error: { code: "NotFound", message: url.pathname } });
    const [, , conversationId, collection, sub] = parts;
    if (!conversationId && req.method === "POST") return this.createConversation(req, res);
    if (!conversationId) return this.json(res, 404, { error: { code: "NotFound", message: "conversation" } });
    if (collection === "members" && sub && req.method === "GET") {
      const member = this.members.get(sub) ?? [...this.members.values()].find((m) => m.aadObjectId === sub);
      return member ? this.json(res, 200, member) : this.json(res, 404, { error: { code: "MemberNotFoundInConversation", message: "member not found" } });
    }
    if (collection === "pagedmembers" && req.method === "GET") return this.json(res, 200, { members: [...this.members.values()] });
    if (collection === "activities") return this.activity(req, res, conversationId, sub);
    return this.json(res, 404, { error: { code: "NotFound", message: url.pathname } });
  }

  /** Counts an activity request against the limits: null when allowed, else the Retry-After (s) of its 429. */
  private overLimit(conversationId: string, at: number): number | null {
    const limits = this.limits!;
    const conversationWait = this.waitUntil.get(conversationId) ?? 0;
    if (at < conversationWait) this.early.push({ conversationId, at, scope: "conversation", earlyByMs: conversationWait - at });
    else if (at < this.botWaitUntil) this.early.push({ conversationId, at, scope: "bot", earlyByMs: this.botWaitUntil - at });
    const times = this.accepted.get(conversationId) ?? [];
    const waitFor = (windows: ConnectorLimits["bot"], sent: number[]) => {
      let wait = 0;
      for (const { limit, ms } of windows) {
        const inWindow = sent.filter((t) => t > at - ms);
        if (inWindow.length >= limit) wait = Math.max(wait, inWindow[inWindow.length - limit]! + ms - at);
      }
      return wait;
    };
    const botWait = waitFor(limits.bot, this.botAccepted);
    const threadWait = waitFor(limits.conversation, times);
    if (botWait === 0 && threadWait === 0) {
      times.push(at);
      this.accepted.set(conversationId, times);
      this.botAccepted.push(at);
      return null;
    }
    const scope = botWait >= threadWait ? "bot" : "conversation";
    const retryAfter = Math.max(1, Math.ceil(Math.max(botWait, threadWait) / 1000));
    if (scope === "bot") this.botWaitUntil = Math.max(this.botWaitUntil, at + retryAfter * 1000);
    else this.waitUntil.set(conversationId, Math.max(conversationWait, at + retryAfter * 1000));
    this.throttled.push({ conversationId, at, scope, retryAfter });
    return retryAfter;
  }

  private async createConversation(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await this.body(req);
    const memberId = ((body.members as { id: string }[] | undefined) ?? [])[0]?.id ?? "";
    const id = `a:1on1-${memberId}`;
    this.createdConversations.push({ id, memberId });
    this.json(res, 201, { id });
  }

  private async activity(req: IncomingMessage, res: ServerResponse, conversationId: string, activityId: string | undefined): Promise<void> {
    const activity = await this.body(req);
    const fault = this.takeFault(conversationId);
    const at = this.now();
    if (!fault && this.limits) {
      const limited = this.overLimit(conversationId, at);
      if (limited) {
        this.requests.push({ conversationId, at, fault: 429 });
        return this.json(res, 429, { error: { code: "Throttled", message: "fake connector: too many requests" } }, { "retry-after": String(limited) });
      }
    }
    this.requests.push({ conversationId, at, fault: fault?.status ?? null });
    if (fault) {
      this.served.push({ ...fault, conversationId, at });
      return this.sendFault(req, res, fault);
    }
    if (req.method === "PUT" && activityId) {
      if (!this.activities.some((a) => a.activityId === activityId && a.method !== "update")) {
        return this.json(res, 404, { error: { code: "ActivityNotFoundInConversation", message: "activity not found" } });
      }
      this.activities.push({ method: "update", conversationId, activityId, activity, replyToId: null });
      return this.json(res, 200, { id: activityId });
    }
    if (req.method !== "POST") return this.json(res, 405, { error: { code: "BadArgument", message: "method" } });
    this.seq += 1;
    const id = `act-${this.seq}`;
    this.activities.push({ method: "send", conversationId, activityId: id, activity, replyToId: activityId ?? null });
    this.json(res, 200, { id });
  }
}
