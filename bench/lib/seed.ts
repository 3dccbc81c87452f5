// Fast seeding for the benchmarks: raw SQL in large prepared batches straight into a migrated
// SQLite file (not through the use cases, which is what the other benchmarks measure).
import Database from "better-sqlite3";
import { migrateDatabase } from "../../src/adapters/store/migrate.js";
import { previousQuarter, quarterOf } from "../../src/core/campaign/quarter.js";

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

export async function migratedSqlite(file: string): Promise<Database.Database> {
  await migrateDatabase(`file:${file}`);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -400000"); // 400 MB: index pages stay in memory while seeding
  return db;
}

/**
 * `answers` answered surveys spread evenly over `campaigns` quarters ending with the current one
 * (Europe/Paris), by 20,000 requesters of 200 clients, handled by 50 technicians; contributions
 * where the caps (3 per requester, 10 per client and campaign) allow; a few pending moderation items.
 */
export async function seedAnswers(file: string, opts: { answers: number; campaigns: number; zone?: string; now?: Date }): Promise<void> {
  const zone = opts.zone ?? "Europe/Paris";
  const now = opts.now ?? new Date();
  const db = await migratedSqlite(file);
  const created = iso(now);
  const quarters = [quarterOf(now, zone)];
  while (quarters.length < opts.campaigns) quarters.push(previousQuarter(quarters[quarters.length - 1]!, zone));
  const CLIENTS = 200;
  const REQUESTERS = 20_000;
  const TECHNICIANS = 50;
  const insertMany = db.transaction(() => {
    const charity = db.prepare(`INSERT INTO "Charity" (id, name, createdAt) VALUES (?, ?, ?)`);
    charity.run("charity-1", "Les Restos du Cœur", created);
    const campaign = db.prepare(`INSERT INTO "Campaign" (id, year, quarter, startsAt, endsAt, charityId, status, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    quarters.forEach((q, c) => campaign.run(`camp-${c}`, q.year, q.quarter, iso(q.startsAt), iso(q.endsAt), "charity-1", c === 0 ? "open" : "closed", created));
    const client = db.prepare(`INSERT INTO "Client" (id, externalId, name, createdAt) VALUES (?, ?, ?, ?)`);
    for (let k = 0; k < CLIENTS; k++) client.run(`cl-${k}`, `client-${k}`, `Client ${k}`, created);
    const person = db.prepare(`INSERT INTO "Person" (id, email, name, clientId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
    for (let r = 0; r < REQUESTERS; r++) person.run(`req-${r}`, `r${r}@client${r % CLIENTS}.example`, null, `cl-${r % CLIENTS}`, created, created);
    for (let t = 0; t < TECHNICIANS; t++) person.run(`tech-${t}`, `t${t}@esn.example`, `Tech ${t}`, null, created, created);
  });
  insertMany();

  const ticket = db.prepare(`INSERT INTO "Ticket" (id, source, externalId, title, kind, closedAt, receivedAt, requesterId, technicianId, clientId) VALUES (?, 'bench', ?, 'Bench', 'incident', ?, ?, ?, ?, ?)`);
  const survey = db.prepare(`INSERT INTO "Survey" (id, ticketId, token, status, platform, createdAt, deliveredAt, expiresAt) VALUES (?, ?, ?, 'answered', 'web', ?, ?, ?)`);
  const answer = db.prepare(
    `INSERT INTO "Answer" (id, surveyId, personId, campaignId, technicianId, clientId, rating, ratingScale, comment, normalizedComment, moderation, outcome, answeredAt) VALUES (?, ?, ?, ?, ?, ?, ?, 5, ?, ?, ?, ?, ?)`,
  );
  const contribution = db.prepare(`INSERT INTO "Contribution" (id, answerId, campaignId, requesterId, clientId, kind, amountCents, status, createdAt) VALUES (?, ?, ?, ?, ?, 'counted', 100, 'active', ?)`);
  const moderation = db.prepare(`INSERT INTO "ModerationItem" (id, answerId, verdict, status, createdAt) VALUES (?, ?, 'review', 'pending', ?)`);
  const perRequester = new Map<string, number>();
  const perClient = new Map<string, number>();
  const BATCH = 50_000;
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = i % quarters.length;
      const q = quarters[c]!;
      // Spread over the part of the quarter that has passed (the current one is not over).
      const span = Math.max(1, Math.min(q.endsAt.getTime(), now.getTime() - 60_000) - q.startsAt.getTime());
      const at = iso(new Date(q.startsAt.getTime() + Math.floor((i / opts.answers) * span)));
      const r = (Math.floor(i / quarters.length) * 7919 + c * 131) % REQUESTERS;
      const cl = r % CLIENTS;
      ticket.run(`tk-${i}`, `T-${i}`, at, at, `req-${r}`, `tech-${i % TECHNICIANS}`, `cl-${cl}`);
      survey.run(`sv-${i}`, `tk-${i}`, `tok-${i}`, at, at, iso(new Date(Date.parse(at) + 30 * 86_400_000)));
      const rating = 1 + (i % 5);
      const hasComment = i % 3 !== 0;
      const review = c === 0 && i % 5_000 === 1;
      const kc = `camp-${c}:req-${r}`;
      const kk = `camp-${c}:cl-${cl}`;
      const counts = hasComment && !review && (perRequester.get(kc) ?? 0) < 3 && (perClient.get(kk) ?? 0) < 10;
      const comment = hasComment ? `Merci pour l'intervention ${i}` : null;
      answer.run(`an-${i}`, `sv-${i}`, `req-${r}`, `camp-${c}`, `tech-${i % TECHNICIANS}`, `cl-${cl}`, rating, comment, comment?.toLowerCase() ?? null, review ? "review" : "clean", counts ? "counted" : hasComment ? "requester-cap-reached" : "no-comment", at);
      if (counts) {
        perRequester.set(kc, (perRequester.get(kc) ?? 0) + 1);
        perClient.set(kk, (perClient.get(kk) ?? 0) + 1);
        contribution.run(`co-${i}`, `an-${i}`, `camp-${c}`, `req-${r}`, `cl-${cl}`, at);
      }
      if (review) moderation.run(`mo-${i}`, `an-${i}`, at);
    }
  });
  for (let from = 0; from < opts.answers; from += BATCH) batch(from, Math.min(opts.answers, from + BATCH));
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
}

/**
 * `surveys` pending surveys for `requesters` people (none linked to Slack yet), each with its
 * survey.deliver outbox message due now, as ticketClosed leaves them. Requester k is r<k>@client.example.
 */
export async function seedPendingSurveys(file: string, opts: { surveys: number; requesters: number; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  const db = await migratedSqlite(file);
  const at = iso(now);
  const expires = iso(new Date(now.getTime() + 30 * 86_400_000));
  db.transaction(() => {
    db.prepare(`INSERT INTO "Client" (id, externalId, name, createdAt) VALUES ('cl-0', 'client-0', 'Client', ?)`).run(at);
    const person = db.prepare(`INSERT INTO "Person" (id, email, name, clientId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?)`);
    for (let r = 0; r < opts.requesters; r++) person.run(`req-${r}`, `r${r}@client.example`, `Requester ${r}`, "cl-0", at, at);
    person.run("tech-0", "t0@esn.example", "Tech 0", null, at, at);
    const ticket = db.prepare(`INSERT INTO "Ticket" (id, source, externalId, title, kind, closedAt, receivedAt, requesterId, technicianId, clientId) VALUES (?, 'bench', ?, ?, 'incident', ?, ?, ?, 'tech-0', 'cl-0')`);
    const survey = db.prepare(`INSERT INTO "Survey" (id, ticketId, token, status, createdAt, expiresAt) VALUES (?, ?, ?, 'pending', ?, ?)`);
    const outbox = db.prepare(`INSERT INTO "OutboxMessage" (id, kind, payload, dedupeKey, status, availableAt, createdAt) VALUES (?, 'survey.deliver', ?, ?, 'pending', ?, ?)`);
    for (let i = 0; i < opts.surveys; i++) {
      const r = i % opts.requesters;
      ticket.run(`tk-${i}`, `T-${i}`, `Ticket ${i}`, at, at, `req-${r}`);
      survey.run(`sv-${i}`, `tk-${i}`, `tok-${i}`, at, expires);
      outbox.run(`ob-${i}`, JSON.stringify({ surveyId: `sv-${i}` }), `survey.deliver:sv-${i}`, at, at);
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}
