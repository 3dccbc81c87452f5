// A helpdesk reports a closed ticket: store it (once per source and ticket id), decide whether to
// survey it, and schedule the survey's delivery — ticket, survey and outbox message in one
// transaction, so a crash never leaves a survey that nobody will send.
//
// Group commit: closures arriving together are written together. Each call joins a small
// in-process queue; while one transaction commits, the next closures wait, and the next
// transaction records all of them (the store's closureTransaction: a few statements prepared once,
// on the database driver directly; one commit). Every caller is answered only once the
// transaction holding its closure has committed, so nothing is acknowledged that is not durable. People and client companies already met are known in memory
// (their ids never change), so a warm batch writes only its tickets, surveys and outbox messages.
import { randomBytes, randomUUID } from "node:crypto";
import { setImmediate as nextTurn, setTimeout as sleep } from "node:timers/promises";
import { decideSurvey, surveyExpiresAt, type NotSurveyedReason } from "../core/rules/survey-policy.js";
import { ConflictError, type ClosureRepositories, type ClosureRow } from "../ports/store.js";
import type { AppContext } from "./context.js";
import { postsSurveyLink, surveyUrl } from "./context.js";

export interface TicketClosedEvent {
  source: string;
  ticketId: string;
  title: string | null;
  kind: string;
  closedAt: Date;
  requester: { email: string; name: string | null };
  technician: { email: string; name: string | null };
  client: { id: string; name: string | null };
}

export type TicketClosedResult =
  | { status: "scheduled"; surveyId: string; surveyUrl: string }
  | { status: "ignored"; reason: NotSurveyedReason };

/** Closures written by one transaction at most (bounds its statements and its time). */
const MAX_BATCH = 200;
/** People and clients remembered per process (the oldest are forgotten first). */
const MAX_KNOWN = 50_000;

export async function ticketClosed(ctx: AppContext, event: TicketClosedEvent): Promise<TicketClosedResult> {
  const result = await ingestQueue(ctx).submit(event);
  // Never the surveyUrl: its token alone answers the survey or withdraws the comment.
  const logged = result.status === "scheduled" ? { status: result.status, surveyId: result.surveyId } : result;
  ctx.logger.info({ source: event.source, ticketId: event.ticketId, ...logged }, "ticket closed");
  return result;
}

interface Waiting {
  event: TicketClosedEvent;
  resolve(result: TicketClosedResult): void;
  reject(error: unknown): void;
}

interface KnownPerson {
  id: string;
  name: string | null;
  clientId: string | null;
}

interface KnownClient {
  id: string;
  name: string | null;
}

class Known<T> {
  private readonly entries = new Map<string, T>();
  get(key: string): T | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_KNOWN) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
  clear(): void {
    this.entries.clear();
  }
}

/**
 * Background work gives way to ingest: while closures are coming in (one waiting, a batch being
 * written, or one received less than QUIET_MS ago), the outbox worker takes one message at a time,
 * one every YIELD_SPACING_MS, and then only after the requests already received were read. A
 * helpdesk waits for our answer; a survey's delivery can wait a second. Delivery goes on meanwhile
 * (4 messages a second), so a steady stream of closures never stops it.
 */
const QUIET_MS = 100;
const YIELD_SPACING_MS = 250;

class IngestQueue {
  private waiting: Waiting[] = [];
  private busy = false;
  private lastReceived = -Infinity;
  private nextBackgroundTurn = 0;
  readonly people = new Known<KnownPerson>();
  readonly clients = new Known<KnownClient>();

  constructor(private readonly ctx: AppContext) {}

  /** Closures are coming in: background work should wait. */
  get pressed(): boolean {
    return this.busy || this.waiting.length > 0 || performance.now() - this.lastReceived < QUIET_MS;
  }

  /** Resolves when background work may take its next step (see QUIET_MS). */
  async backgroundTurn(): Promise<void> {
    for (;;) {
      // Always after the I/O already received: the requests waiting to be read go first.
      await nextTurn();
      if (!this.pressed) return;
      const now = performance.now();
      if (now >= this.nextBackgroundTurn) {
        this.nextBackgroundTurn = now + YIELD_SPACING_MS;
        return;
      }
      await sleep(Math.min(this.nextBackgroundTurn - now, QUIET_MS));
    }
  }

  submit(event: TicketClosedEvent): Promise<TicketClosedResult> {
    this.lastReceived = performance.now();
    return new Promise((resolve, reject) => {
      this.waiting.push({ event, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.busy || this.waiting.length === 0) return;
    this.busy = true;
    // Start on the next turn of the event loop, not now: SQLite's driver is synchronous, so a
    // transaction started at once would run to its end before the requests already received
    // are even read, and every batch would hold one closure.
    setImmediate(() => {
      const batch = this.waiting.splice(0, MAX_BATCH);
      void this.commit(batch).finally(() => {
        this.busy = false;
        this.next();
      });
    });
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let results: TicketClosedResult[];
    try {
      results = await recordBatch(this.ctx, batch.map((w) => w.event), this);
    } catch {
      // Whatever failed (a row another instance wrote meanwhile, a person known here but changed
      // elsewhere, an outage), each closure is tried again alone as before the group commit, so
      // one bad closure costs only itself and each caller gets its own answer or error.
      this.people.clear();
      this.clients.clear();
      for (const w of batch) await recordAlone(this.ctx, w.event).then(w.resolve, w.reject);
      return;
    }
    batch.forEach((w, i) => w.resolve(results[i]!));
  }
}

const queues = new WeakMap<AppContext, IngestQueue>();

function ingestQueue(ctx: AppContext): IngestQueue {
  let queue = queues.get(ctx);
  if (!queue) queues.set(ctx, (queue = new IngestQueue(ctx)));
  return queue;
}

/**
 * For background work (the outbox worker) before each step: resolves at once when no closure is
 * being ingested, else when it is its turn (see QUIET_MS); always on a later turn of the event loop.
 */
export async function afterIngest(ctx: AppContext): Promise<void> {
  const queue = queues.get(ctx);
  if (queue) await queue.backgroundTurn();
  else await nextTurn();
}

const ticketKey = (source: string, externalId: string) => `${source}\u0000${externalId}`;
const emailKey = (email: string) => email.trim().toLowerCase();

function decide(ctx: AppContext, event: TicketClosedEvent, alreadyKnown: boolean) {
  return decideSurvey({
    kind: event.kind,
    surveyedKinds: ctx.rules.surveyedKinds,
    alreadyKnown,
    requesterEmail: event.requester.email,
    technicianEmail: event.technician.email,
    staff: { emails: ctx.admins, domains: ctx.rules.staffDomains },
    demo: event.source === "demo",
    pastDeadline: surveyExpiresAt(event.closedAt, { days: ctx.rules.surveyExpiryDays, timeZone: ctx.rules.timeZone }) <= ctx.clock.now(),
  });
}

function closureRow(ctx: AppContext, event: TicketClosedEvent, ids: { requesterId: string; technicianId: string; clientId: string }, now: Date): ClosureRow {
  const surveyId = randomUUID();
  return {
    ticket: {
      id: randomUUID(),
      source: event.source,
      externalId: event.ticketId,
      title: event.title,
      kind: event.kind.trim().toLowerCase(),
      closedAt: event.closedAt,
      receivedAt: now,
      ...ids,
    },
    survey: {
      id: surveyId,
      token: randomBytes(18).toString("base64url"),
      createdAt: now,
      expiresAt: surveyExpiresAt(event.closedAt, { days: ctx.rules.surveyExpiryDays, timeZone: ctx.rules.timeZone }),
    },
    outbox: [
      { id: randomUUID(), kind: "survey.deliver", payload: { surveyId }, dedupeKey: `survey.deliver:${surveyId}`, availableAt: now, createdAt: now },
      // CAGNOTTE_HELPDESK_SURVEY_LINK: the link is also written on the helpdesk's ticket.
      ...(postsSurveyLink(ctx, event.source) ? [{ id: randomUUID(), kind: "helpdesk.survey-link", payload: { surveyId }, dedupeKey: `helpdesk.survey-link:${surveyId}`, availableAt: now, createdAt: now }] : []),
    ],
  };
}

/** One transaction for the whole batch; what it learns about people is kept only once committed. */
async function recordBatch(ctx: AppContext, events: readonly TicketClosedEvent[], known: IngestQueue): Promise<TicketClosedResult[]> {
  const now = ctx.clock.now();
  let learnedPeople = new Map<string, KnownPerson>();
  let learnedClients = new Map<string, KnownClient>();
  const results = await ctx.store.closureTransaction(async (tx) => {
    const recorded = new Set((await tx.tickets.known(events.map((e) => ({ source: e.source, externalId: e.ticketId })))).map((k) => ticketKey(k.source, k.externalId)));
    const surveyed: TicketClosedEvent[] = [];
    const decisions = events.map((event) => {
      const key = ticketKey(event.source, event.ticketId);
      const decision = decide(ctx, event, recorded.has(key));
      if (decision.survey) {
        recorded.add(key);
        surveyed.push(event);
      }
      return decision;
    });
    // Clients, then people (a requester belongs to the ticket's client): written only when unknown
    // here or when the ticket brings a new name or client, all of a kind in one go.
    learnedClients = await clientsOf(tx, surveyed, known, now);
    const clientOf = (e: TicketClosedEvent) => (learnedClients.get(e.client.id) ?? known.clients.get(e.client.id))!;
    learnedPeople = await peopleOf(
      tx,
      surveyed.flatMap((e) => [
        { ...e.requester, clientId: clientOf(e).id },
        { ...e.technician, clientId: null },
      ]),
      known,
      now,
    );
    const personOf = (email: string) => (learnedPeople.get(emailKey(email)) ?? known.people.get(emailKey(email)))!;
    const rows: ClosureRow[] = [];
    const out = decisions.map((decision, i): TicketClosedResult => {
      if (!decision.survey) return { status: "ignored", reason: decision.reason };
      const event = events[i]!;
      const row = closureRow(ctx, event, { requesterId: personOf(event.requester.email).id, technicianId: personOf(event.technician.email).id, clientId: clientOf(event).id }, now);
      rows.push(row);
      return { status: "scheduled", surveyId: row.survey.id, surveyUrl: surveyUrl(ctx, row.survey.token) };
    });
    await tx.tickets.recordClosures(rows);
    return out;
  });
  for (const [k, v] of learnedClients) known.clients.set(k, v);
  for (const [k, v] of learnedPeople) known.people.set(k, v);
  return results;
}

async function clientsOf(tx: ClosureRepositories, events: readonly TicketClosedEvent[], known: IngestQueue, now: Date): Promise<Map<string, KnownClient>> {
  const needed = events.map((e) => e.client).filter((c) => {
    const seen = known.clients.get(c.id);
    return !seen || (!!c.name && c.name !== seen.name);
  });
  if (needed.length === 0) return new Map();
  const written = await tx.clients.upsertManyByExternalId(needed.map((c) => ({ externalId: c.id, name: c.name })), now);
  return new Map([...written].map(([k, c]) => [k, { id: c.id, name: c.name }]));
}

async function peopleOf(tx: ClosureRepositories, people: readonly { email: string; name: string | null; clientId: string | null }[], known: IngestQueue, now: Date): Promise<Map<string, KnownPerson>> {
  const needed = people.filter((p) => {
    const seen = known.people.get(emailKey(p.email));
    return !seen || (!!p.name && p.name !== seen.name) || (!!p.clientId && p.clientId !== seen.clientId);
  });
  if (needed.length === 0) return new Map();
  const written = await tx.people.upsertManyByEmail(needed, now);
  return new Map([...written].map(([k, p]) => [k, { id: p.id, name: p.name, clientId: p.clientId }]));
}

/**
 * Attempts of one closure alone: a unique-key collision means another instance wrote the same
 * ticket, person or client first; the next attempt sees that row.
 */
const ALONE_ATTEMPTS = 3;

/** One closure in its own transaction (the path a failed batch falls back to). */
async function recordAlone(ctx: AppContext, event: TicketClosedEvent): Promise<TicketClosedResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordTicket(ctx, event);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      // The same ticket reported twice at the same moment: the loser of the race is a duplicate
      // (the next attempt finds the ticket; after the last, it is taken for one).
      if (attempt >= ALONE_ATTEMPTS) return { status: "ignored", reason: "duplicate" };
    }
  }
}

async function recordTicket(ctx: AppContext, event: TicketClosedEvent): Promise<TicketClosedResult> {
  const now = ctx.clock.now();
  return ctx.store.closureTransaction(async (tx): Promise<TicketClosedResult> => {
    const decision = decide(ctx, event, (await tx.tickets.known([{ source: event.source, externalId: event.ticketId }])).length > 0);
    if (!decision.survey) return { status: "ignored", reason: decision.reason };
    const client = (await tx.clients.upsertManyByExternalId([{ externalId: event.client.id, name: event.client.name }], now)).get(event.client.id)!;
    const people = await tx.people.upsertManyByEmail([{ ...event.requester, clientId: client.id }, { ...event.technician, clientId: null }], now);
    const personOf = (email: string) => people.get(emailKey(email))!;
    const row = closureRow(ctx, event, { requesterId: personOf(event.requester.email).id, technicianId: personOf(event.technician.email).id, clientId: client.id }, now);
    await tx.tickets.recordClosures([row]);
    return { status: "scheduled", surveyId: row.survey.id, surveyUrl: surveyUrl(ctx, row.survey.token) };
  });
}
