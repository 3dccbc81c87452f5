// Ingest's hot path: what one group commit of closed tickets reads and writes. The store runs it on
// the database driver directly, each statement prepared once (src/adapters/store/closure-statements.ts),
// with the same meaning as the repositories of the same names.
import type { ClientRepository, PeopleRepository } from "./people.js";
import type { TicketRepository } from "./surveys.js";

export interface ClosureRepositories {
  tickets: Pick<TicketRepository, "known" | "recordClosures">;
  clients: Pick<ClientRepository, "upsertManyByExternalId">;
  people: Pick<PeopleRepository, "upsertManyByEmail">;
}
