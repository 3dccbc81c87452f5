// The Store port on Prisma: SQLite (embedded default) or PostgreSQL, same repositories.
import { ConflictError, type Repositories, type Store } from "../../ports/store.js";
import { connect, type Db, type DbProvider } from "./prisma-client.js";
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
  };
}

/** How long a transaction may wait for its turn and run; answers of one campaign queue on a lock. */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 } as const;
const CONFLICT_ATTEMPTS = 3;

export function prismaStore(db: Db, provider: DbProvider): Store & { db: Db } {
  let commits = 0;
  return {
    ...repositories(db, provider),
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
          if ((error as { code?: unknown }).code !== "P2002") throw error;
          if (attempt >= CONFLICT_ATTEMPTS) throw new ConflictError("unique constraint violated", { cause: error });
        }
      }
    },
    async ping() {
      await db.$queryRawUnsafe("SELECT 1");
    },
    close: () => db.$disconnect(),
  };
}

export async function openStore(databaseUrl: string): Promise<Store & { db: Db }> {
  const { db, provider } = await connect(databaseUrl);
  return prismaStore(db, provider);
}
