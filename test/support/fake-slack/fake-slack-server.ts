// A small Slack Web API on 127.0.0.1 for tests: the methods the bot calls, form or JSON bodies,
// bearer tokens, Slack's error shapes ({ok:false,error:"users_not_found"}) and rate limits
// (chat.postMessage over one per second per channel: HTTP 429 with Retry-After). Every call is
// recorded; messages, views and ephemeral messages are kept so tests can act on what the bot sent.
// For fault and scale tests: a latency per method, injected faults (429 with Retry-After, 500, a
// call that is never answered, a connection reset) and the number of DMs each user received.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";

export interface FakeUser {
  id: string;
  email: string;
  name: string;
  locale?: string;
  deleted?: boolean;
  teamId?: string;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Block[];
  updates: number;
}

export interface Block {
  type: string;
  block_id?: string;
  text?: { text?: string };
  elements?: Array<Record<string, unknown> & { action_id?: string; value?: string; text?: { text?: string } }>;
  element?: Record<string, unknown> & { action_id?: string; type?: string };
  [key: string]: unknown;
}

export interface FakeCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
  status: number;
  error: string | null;
  /** When the call arrived, on the server's clock (`now`, real time unless a test sets it). */
  at: number;
}

/** What a faulty Slack does to one call: 429 with Retry-After (seconds), HTTP 500, never answer, reset the connection. */
export type FakeFaultKind = "429" | "500" | "timeout" | "reset";

export interface FakeFault {
  kind: FakeFaultKind;
  /** Only calls to this method (any method when absent). */
  method?: string;
  /** For 429: the Retry-After header, in seconds. */
  retryAfter?: number;
}

export interface ServedFault extends FakeFault {
  method: string;
  channel: string | null;
  at: number;
}

export interface FakeView {
  id: string;
  triggerId: string;
  view: Record<string, unknown> & { blocks: Block[]; private_metadata?: string; callback_id?: string };
}

type Args = Record<string, unknown>;

/**
 * Slack's rate limits, optionally on a faster clock (benchmarks): chat.postMessage at one message
 * per second per channel, and per-method tiers (e.g. 50 a minute for users.lookupByEmail), each
 * window divided by `timeScale`'s inverse (0.05: windows 20 times shorter). Retry-After is given in
 * whole seconds of Slack's clock, as Slack does: a client on the same scale multiplies it back.
 */
export interface FakeSlackLimits {
  /** 1: real time; 0.05: every window 20 times shorter. */
  timeScale?: number;
  /** Calls allowed per method per window (Slack's tiers), e.g. {"users.lookupByEmail": {max: 50, windowMs: 60_000}}. */
  perMethod?: Record<string, { max: number; windowMs: number }>;
}
type Result = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };

export class FakeSlack {
  readonly calls: FakeCall[] = [];
  readonly messages: FakeMessage[] = [];
  readonly ephemerals: { channel: string; user: string; text: string; blocks: Block[] }[] = [];
  readonly views: FakeView[] = [];
  readonly files: { id: string; filename: string; content: string; channel: string | null; title: string | null }[] = [];
  readonly responses: { url: string; body: Args }[] = [];
  readonly users = new Map<string, FakeUser>();
  readonly triggers = new Set<string>();
  /** Tokens the API accepts, with the workspace they belong to. */
  readonly tokens = new Map<string, { teamId: string; botUserId: string }>();
  /** Methods answered with this error once (e.g. {"chat.postMessage": "ratelimited"}). */
  readonly failNext = new Map<string, string>();
  /** Public channels the bot is not a member of yet: posting there fails until conversations.join. */
  readonly notJoined = new Set<string>();
  /** Delay before answering, by method (the call is processed first, as a slow Slack would). */
  readonly latencyMs = new Map<string, number>();
  /** Faults served to the next matching calls, in order; each is used once. */
  readonly faults: FakeFault[] = [];
  /** Every fault served, with when and where. */
  readonly served: ServedFault[] = [];
  /** The clock calls are stamped with (tests with a virtual clock replace it). */
  now: () => number = () => Date.now();
  server: Server | null = null;
  /** Posts to one channel Slack tolerates within a second (real Slack allows short bursts). */
  channelBurst = 1;
  private recentPosts = new Map<string, number[]>();
  private windows = new Map<string, { start: number; count: number }>();
  private seq = 0;
  url = "";

  constructor(
    token = "xoxb-test-token",
    teamId = "T0001",
    readonly limits: FakeSlackLimits = {},
  ) {
    this.tokens.set(token, { teamId, botUserId: "UBOT" });
  }

  private get timeScale(): number {
    return this.limits.timeScale ?? 1;
  }

  /** 429 with Retry-After (whole seconds of Slack's clock) until `until` (ms, real clock). */
  private limited(until: number, now: number): Result {
    const seconds = Math.max(1, Math.ceil((until - now) / this.timeScale / 1000));
    return { status: 429, headers: { "retry-after": String(seconds) }, body: { ok: false, error: "ratelimited" } };
  }

  /** The method's tier: a fixed window per method, as Slack counts them. */
  private overTier(method: string): Result | null {
    const tier = this.limits.perMethod?.[method];
    if (!tier) return null;
    const windowMs = tier.windowMs * this.timeScale;
    const now = this.now();
    const w = this.windows.get(method);
    if (!w || now - w.start >= windowMs) {
      this.windows.set(method, { start: now, count: 1 });
      return null;
    }
    if (w.count >= tier.max) return this.limited(w.start + windowMs, now);
    w.count++;
    return null;
  }

  addUser(user: FakeUser): FakeUser {
    this.users.set(user.id, user);
    return user;
  }

  /** A trigger id as Slack would put in an interaction payload (views.open accepts it once). */
  newTrigger(): string {
    const id = `${++this.seq}.${randomBytes(4).toString("hex")}`;
    this.triggers.add(id);
    return id;
  }

  callsTo(method: string): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  messagesIn(channel: string): FakeMessage[] {
    return this.messages.filter((m) => m.channel === channel);
  }

  dmChannelOf(userId: string): string {
    return `D${userId}`;
  }

  /** How many direct messages each user received (chat.postMessage to their DM channel). */
  dmCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.messages) if (m.channel.startsWith("D")) counts.set(m.channel.slice(1), (counts.get(m.channel.slice(1)) ?? 0) + 1);
    return counts;
  }

  /** The next matching calls fail this way, in order. */
  injectFaults(...faults: FakeFault[]): void {
    this.faults.push(...faults);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    return `${this.url}/api/`;
  }

  async stop(): Promise<void> {
    // Calls left unanswered on purpose ("timeout") would keep the server open.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private takeFault(method: string): FakeFault | null {
    const index = this.faults.findIndex((f) => !f.method || f.method === method);
    return index === -1 ? null : (this.faults.splice(index, 1)[0] ?? null);
  }

  /** Serves an injected fault; true when the call was answered (or dropped) that way. */
  private serveFault(method: string, args: Args, token: string | null, req: IncomingMessage, res: ServerResponse): boolean {
    const fault = this.takeFault(method);
    if (!fault) return false;
    const at = this.now();
    this.served.push({ ...fault, method, channel: typeof args.channel === "string" ? args.channel : null, at });
    const status = fault.kind === "429" ? 429 : fault.kind === "500" ? 500 : 0;
    this.calls.push({ method, token, args, status, error: `fault:${fault.kind}`, at });
    if (fault.kind === "429") send(res, { status: 429, headers: { "retry-after": String(fault.retryAfter ?? 1) }, body: { ok: false, error: "ratelimited" } });
    else if (fault.kind === "500") {
      res.writeHead(500, { "content-type": "text/html" }).end("<html><body>Internal Server Error</body></html>");
    } else if (fault.kind === "reset") req.socket.destroy();
    // "timeout": accepted, never answered (the connection stays open until the client gives up).
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path.startsWith("/upload/")) return this.upload(path.slice(8), raw, res);
    if (path.startsWith("/response/")) {
      this.responses.push({ url: path, body: JSON.parse(raw || "{}") as Args });
      return send(res, { body: { ok: true } });
    }
    if (!path.startsWith("/api/")) return send(res, { status: 404, body: { ok: false, error: "not_found" } });
    const method = path.slice(5);
    const args = parseBody(req.headers["content-type"] ?? "", raw);
    const token = bearer(req.headers.authorization) ?? (typeof args.token === "string" ? args.token : null);
    if (this.serveFault(method, args, token, req, res)) return;
    const at = this.now();
    const result = (await this.undownloadableImage(method, args)) ?? this.call(method, token, args);
    this.calls.push({ method, token, args, status: result.status ?? 200, error: (result.body.error as string | undefined) ?? null, at });
    const latency = this.latencyMs.get(method) ?? 0;
    if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
    if (!res.destroyed) send(res, result);
  }

  /** Every picture Slack downloaded from an image block, as it answered. */
  readonly imageFetches: { url: string; status: number; contentType: string; body: Buffer }[] = [];

  /**
   * Slack downloads the picture of each image block when a message is posted or edited, and
   * refuses the whole message when one cannot be downloaded (or is not a picture), as it does.
   */
  private async undownloadableImage(method: string, args: Args): Promise<Result | null> {
    if (method !== "chat.postMessage" && method !== "chat.update" && method !== "chat.postEphemeral") return null;
    const errors: string[] = [];
    for (const [i, block] of asBlocks(args.blocks).entries()) {
      if (block.type !== "image") continue;
      const url = typeof block.image_url === "string" ? block.image_url : "";
      let ok = false;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
        const body = Buffer.from(await res.arrayBuffer());
        const contentType = res.headers.get("content-type") ?? "";
        this.imageFetches.push({ url, status: res.status, contentType, body });
        ok = res.ok && contentType.startsWith("image/");
      } catch {
        this.imageFetches.push({ url, status: 0, contentType: "", body: Buffer.alloc(0) });
      }
      if (!ok) errors.push(`downloading image failed [json-pointer:/blocks/${i}/image_url]`);
    }
    if (errors.length === 0) return null;
    return { body: { ok: false, error: "invalid_blocks", errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } } };
  }

  /** What oauth.v2.access answers for a code: a workspace installing the app. */
  readonly oauthCodes = new Map<string, { token: string; teamId: string; teamName: string; botUserId: string }>();
  clientCredentials: { id: string; secret: string } | null = null;

  private oauthAccess(args: Args): Result {
    const creds = this.clientCredentials;
    if (!creds || args.client_id !== creds.id || args.client_secret !== creds.secret) return { body: { ok: false, error: "invalid_client_id" } };
    const grant = this.oauthCodes.get(String(args.code));
    if (!grant) return { body: { ok: false, error: "invalid_code" } };
    this.oauthCodes.delete(String(args.code));
    this.tokens.set(grant.token, { teamId: grant.teamId, botUserId: grant.botUserId });
    return ok({
      app_id: "A0001",
      authed_user: { id: "UINSTALLER" },
      scope: "commands,chat:write",
      token_type: "bot",
      access_token: grant.token,
      bot_user_id: grant.botUserId,
      team: { id: grant.teamId, name: grant.teamName },
      enterprise: null,
      is_enterprise_install: false,
    });
  }

  /** App-level tokens (Socket Mode) and where apps.connections.open sends the socket. */
  readonly appTokens = new Set<string>();

  private call(method: string, token: string | null, args: Args): Result {
    if (method === "oauth.v2.access") return this.oauthAccess(args);
    if (method === "apps.connections.open") {
      if (!token || !this.appTokens.has(token)) return { body: { ok: false, error: "invalid_auth" } };
      return ok({ url: `${this.url.replace(/^http/, "ws")}/link/?ticket=fake` });
    }
    if (!token) return { body: { ok: false, error: "not_authed" } };
    const auth = this.tokens.get(token);
    if (!auth) return { body: { ok: false, error: "invalid_auth" } };
    const forced = this.failNext.get(method);
    if (forced) {
      this.failNext.delete(method);
      if (forced === "ratelimited") return { status: 429, headers: { "retry-after": "7" }, body: { ok: false, error: "ratelimited" } };
      return { body: { ok: false, error: forced } };
    }
    const overTier = this.overTier(method);
    if (overTier) return overTier;
    switch (method) {
      case "auth.test":
        return ok({ url: "https://fake.slack.com/", team: "Fake", user: "cagnotte", team_id: auth.teamId, user_id: auth.botUserId, bot_id: "BBOT" });
      case "users.lookupByEmail": {
        const user = [...this.users.values()].find((u) => u.email === args.email && (u.teamId ?? auth.teamId) === auth.teamId);
        if (!user) return { body: { ok: false, error: "users_not_found" } };
        if (user.deleted) return { body: { ok: false, error: "account_inactive" } };
        return ok({ user: this.userJson(user, false) });
      }
      case "users.info": {
        const user = this.users.get(String(args.user));
        if (!user) return { body: { ok: false, error: "user_not_found" } };
        return ok({ user: this.userJson(user, String(args.include_locale) === "true") });
      }
      case "conversations.open": {
        const ids = String(args.users ?? "").split(",");
        const user = this.users.get(ids[0] ?? "");
        if (!user || ids.length !== 1) return { body: { ok: false, error: "user_not_found" } };
        if (user.deleted) return { body: { ok: false, error: "user_disabled" } };
        return ok({ channel: { id: this.dmChannelOf(user.id) } });
      }
      case "conversations.join":
        this.notJoined.delete(String(args.channel));
        return ok({ channel: { id: String(args.channel) } });
      case "chat.postMessage":
        return this.postMessage(args);
      case "chat.update":
        return this.update(args);
      case "chat.postEphemeral":
        if (!args.channel || !args.user) return { body: { ok: false, error: "invalid_arguments" } };
        this.ephemerals.push({ channel: String(args.channel), user: String(args.user), text: String(args.text ?? ""), blocks: asBlocks(args.blocks) });
        return ok({ message_ts: this.ts() });
      case "views.open":
        return this.openView(args);
      case "files.getUploadURLExternal": {
        const id = `F${++this.seq}`;
        this.files.push({ id, filename: String(args.filename), content: "", channel: null, title: null });
        return ok({ upload_url: `${this.url}/upload/${id}`, file_id: id });
      }
      case "files.completeUploadExternal": {
        const list = (typeof args.files === "string" ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
        for (const f of list) {
          const file = this.files.find((x) => x.id === f.id);
          if (!file) return { body: { ok: false, error: "file_not_found" } };
          file.channel = typeof args.channel_id === "string" ? args.channel_id : null;
          file.title = f.title ?? null;
        }
        return ok({ files: list.map((f) => ({ id: f.id })) });
      }
      default:
        return { body: { ok: false, error: "unknown_method" } };
    }
  }

  private userJson(u: FakeUser, withLocale: boolean) {
    return {
      id: u.id,
      team_id: u.teamId ?? "T0001",
      name: u.name.toLowerCase().replace(/\s+/g, "."),
      real_name: u.name,
      deleted: !!u.deleted,
      ...(withLocale && u.locale ? { locale: u.locale } : {}),
      profile: { email: u.email, real_name: u.name },
    };
  }

  private ts(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(++this.seq).padStart(6, "0")}`;
  }

  private postMessage(args: Args): Result {
    const channel = String(args.channel ?? "");
    if (!channel) return { body: { ok: false, error: "channel_not_found" } };
    if (!channel.startsWith("D") && !channel.startsWith("C")) return { body: { ok: false, error: "channel_not_found" } };
    if (this.notJoined.has(channel)) return { body: { ok: false, error: "not_in_channel" } };
    if (!args.text && !args.blocks) return { body: { ok: false, error: "no_text" } };
    const now = Date.now();
    const interval = 1000 * this.timeScale;
    const recent = (this.recentPosts.get(channel) ?? []).filter((t) => now - t < interval);
    if (recent.length >= this.channelBurst) return this.limited(recent[0]! + interval, now);
    this.recentPosts.set(channel, [...recent, now]);
    const message: FakeMessage = { channel, ts: this.ts(), text: String(args.text ?? ""), blocks: asBlocks(args.blocks), updates: 0 };
    this.messages.push(message);
    return ok({ channel, ts: message.ts, message: { text: message.text, blocks: message.blocks } });
  }

  private update(args: Args): Result {
    const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
    if (!message) return { body: { ok: false, error: "message_not_found" } };
    message.text = String(args.text ?? "");
    message.blocks = asBlocks(args.blocks);
    message.updates++;
    return ok({ channel: message.channel, ts: message.ts, text: message.text });
  }

  private openView(args: Args): Result {
    const trigger = String(args.trigger_id ?? "");
    if (!this.triggers.delete(trigger)) return { body: { ok: false, error: "invalid_trigger_id" } };
    const view = (typeof args.view === "string" ? JSON.parse(args.view) : args.view) as FakeView["view"];
    if (view?.type !== "modal" || !Array.isArray(view.blocks)) return { body: { ok: false, error: "invalid_arguments" } };
    const id = `V${++this.seq}`;
    this.views.push({ id, triggerId: trigger, view });
    return ok({ view: { id, hash: `h${this.seq}`, ...view } });
  }

  private upload(id: string, raw: string, res: ServerResponse): void {
    const file = this.files.find((f) => f.id === id);
    if (!file) return send(res, { status: 404, body: { ok: false } });
    file.content = raw;
    res.writeHead(200, { "content-type": "text/plain" }).end("OK - " + raw.length);
  }
}

function ok(body: Record<string, unknown>): Result {
  return { body: { ok: true, ...body } };
}

function send(res: ServerResponse, result: Result): void {
  res.writeHead(result.status ?? 200, { "content-type": "application/json; charset=utf-8", ...(result.headers ?? {}) });
  res.end(JSON.stringify(result.body));
}

function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? "");
  return m?.[1] ?? null;
}

function parseBody(contentType: string, raw: string): Args {
  if (!raw) return {};
  if (contentType.includes("application/json")) return JSON.parse(raw) as Args;
  return Object.fromEntries(new URLSearchParams(raw));
}

function asBlocks(value: unknown): Block[] {
  if (typeof value === "string") return JSON.parse(value) as Block[];
  return Array.isArray(value) ? (value as Block[]) : [];
}
