// The Store port on Prisma: SQLite (embedded default) or PostgreSQL, same repositories.
import { randomBytes } from "node:crypto";
import { ConflictError, StoreUnavailableError, type Repositories, type Store } from "../../ports/store.js";
import { connect, type Db, type DbProvider, type Driver } from "./prisma-client.js";
import { closureTransaction, isUniqueViolation } from "./closure-statements.js";
import { deliveryStatements } from "./delivery-statements.js";
import { peopleStatements } from "./people-statements.js";
import { clientRepository, peopleRepository } from "./people-repositories.js";
import { answerRepository, surveyRepository, ticketRepository } from "./survey-repositories.js";
import { campaignRepository, charityRepository } from "./campaign-repositories.js";
import { auditRepository, contributionRepository, moderationRepository } from "./contribution-repositories.js";
import { outboxRepository } from "./outbox-repository.js";
import { settingsRepository } from "./settings-repository.js";
import { messageRefRepository } from "./message-ref-repository.js";
import { leaseRepository } from "./lease-repository.js";
import { lifecycleRepository, payoutRepository } from "./lifecycle-repository.js";
import { exportRepository } from "./export-repository.js";
import { webhookDeliveryRepository } from "./webhook-delivery-repository.js";
import { dashboardRepository } from "./dashboard-repository.js";
import { insightsRepository } from "./insights-repository.js";
import { mailingRepository } from "./mailing-repository.js";

function repositories(db: Db, provider: DbProvider): Repositories {
  return {
    settings: settingsRepository(db),
    people: peopleRepository(db),
    clients: clientRepository(db),
    tickets: ticketRepository(db),
    surveys: surveyRepository(db),
    campaigns: campaignRepository(db),
    charities: charityRepository(db),
    answers: answerRepository(db),
    contributions: contributionRepository(db),
    moderation: moderationRepository(db),
    audit: auditRepository(db),
    outbox: outboxRepository(db, provider),
    messageRefs: messageRefRepository(db),
    leases: leaseRepository(db),
    lifecycle: lifecycleRepository(db),
    payouts: payoutRepository(db),
    exports: exportRepository(db),
    webhookDeliveries: webhookDeliveryRepository(db),
    dashboard: dashboardRepository(db),
    insights: insightsRepository(db),
    mailing: mailingRepository(db),
  };
}

/** How long a transaction may wait for its turn and run; answers of one campaign queue on a lock. */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 } as const;
const CONFLICT_ATTEMPTS = 3;

/** SQLite's and PostgreSQL's ways of saying the disk is full or failing: nothing can be written now. */
const UNAVAILABLE_CODES = /^(SQLITE_FULL|SQLITE_IOERR.*|SQLITE_CANTOPEN|53100|58030)$/;
const UNAVAILABLE_MESSAGES = /database or disk is full|disk I\/O error|No space left on device|could not extend file/i;

function isUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const e = error as { code?: unknown; message?: unknown; meta?: { code?: unknown } } | null;
  const code = String(e?.code ?? e?.meta?.code ?? "");
  return UNAVAILABLE_CODES.test(code) || (typeof e?.message === "string" && UNAVAILABLE_MESSAGES.test(e.message));
}

/** Operations that write; `commits` moves with each (figures kept in memory are then stale). */
const WRITES: ReadonlySet<string> = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany", "$executeRaw", "$executeRawUnsafe"]);
/** Models whose writes never change a figure: the outbox's claims and settlements, kept references, leases. */
const BOOKKEEPING: ReadonlySet<string> = new Set(["OutboxMessage", "MessageRef", "JobLease", "SlackInstallation"]);

/** A write that needs fresh pages, undone in the same transaction: does the disk take writes again? */
const PROBE_BYTES = 8_192;

export function prismaStore(client: Db, provider: DbProvider, driver: Driver): Store & { db: Db } {
  let commits = 0;
  // Set when a query fails for want of space or I/O; cleared when ping's probe write commits again.
  let failingSince: Date | null = null;
  const unavailable = (error: unknown): unknown => {
    if (!isUnavailable(error)) return error;
    failingSince ??= new Date();
    return error instanceof StoreUnavailableError ? error : new StoreUnavailableError("the database cannot write (disk full or I/O error)", { cause: error });
  };
  // Every query, in a transaction or not: a full disk becomes StoreUnavailableError (HTTP 503).
  // A write outside a transaction moves `commits` too (once done), unless it is only bookkeeping.
  const db = client.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        try {
          const result = await query(args);
          if (WRITES.has(operation) && !(model && BOOKKEEPING.has(model))) commits++;
          return result;
        } catch (error) {
          throw unavailable(error);
        }
      },
    },
  }) as unknown as Db;

  // The delivery hot path and who asks a command, outside transactions, on the driver
  // (delivery-statements.ts, people-statements.ts); inside a transaction, the same ports run
  // through Prisma on the transaction's connection as before.
  const top = repositories(db, provider);
  const hot = deliveryStatements(driver);
  const asking = peopleStatements(driver);
  /** A driver statement, its errors read as Prisma's are; `counts`: a write that may change a figure. */
  const guarded =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>, counts = false) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await run(...args);
        if (counts) commits++;
        return result;
      } catch (error) {
        throw unavailable(error);
      }
    };

  return {
    ...top,
    outbox: {
      ...top.outbox,
      claimDue: guarded(hot.outbox.claimDue),
      renewLease: guarded(hot.outbox.renewLease),
      renewLeases: guarded(hot.outbox.renewLeases),
      markSent: guarded(hot.outbox.markSent),
      reschedule: guarded(hot.outbox.reschedule),
      markDead: guarded(hot.outbox.markDead),
    },
    surveys: { ...top.surveys, findContext: guarded(hot.surveys.findContext), transition: guarded(hot.surveys.transition, true) },
    messageRefs: { ...top.messageRefs, get: guarded(hot.messageRefs.get), save: guarded(hot.messageRefs.save) },
    mailing: { ...top.mailing, routing: guarded(hot.mailing.routing) },
    people: { ...top.people, findByEmail: guarded(asking.findByEmail), findByPlatformId: guarded(asking.findByPlatformId) },
    provider,
    db,
    commits: () => commits,
    async transaction(work) {
      // A unique-key collision means another transaction created the same row first (a campaign
      // opened by two answers at once, a ticket reported twice): run again, it now sees that row.
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await db.$transaction((tx) => work(repositories(tx as unknown as Db, provider)), TRANSACTION_LIMITS);
          commits++;
          return result;
        } catch (error) {
          // Prisma's unique-constraint error, converted once here so use cases stay Prisma-free.
          if ((error as { code?: unknown }).code !== "P2002") throw unavailable(error);
          if (attempt >= CONFLICT_ATTEMPTS) throw new ConflictError("unique constraint violated", { cause: error });
        }
      }
    },
    async closureTransaction(work) {
      try {
        const result = await closureTransaction(driver, work);
        commits++;
        return result;
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("unique constraint violated", { cause: error });
        throw unavailable(error);
      }
    },
    async ping() {
      if (!failingSince) {
        await db.$queryRawUnsafe("SELECT 1");
        return;
      }
      // Reads still work on a full disk: health says whether writes do.
      const key = `cagnotte.write-probe.${randomBytes(6).toString("hex")}`;
      try {
        await db.$transaction(
          async (tx) => {
            await tx.setting.create({ data: { key, value: randomBytes(PROBE_BYTES).toString("hex"), updatedAt: new Date() } });
            await tx.setting.delete({ where: { key } });
          },
          { maxWait: 2_000, timeout: 5_000 },
        );
      } catch (error) {
        throw unavailable(error);
      }
      failingSince = null;
    },
    close: () => client.$disconnect(),
  };
}

export async function openStore(databaseUrl: string): Promise<Store & { db: Db }> {
  const { db, provider, driver } = await connect(databaseUrl);
  return prismaStore(db, provider, driver);
}
