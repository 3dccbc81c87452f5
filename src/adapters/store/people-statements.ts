// Who is asking: every command and every click finds its person by platform id (or by e-mail).
// Through Prisma each look-up costs its query compiler (WebAssembly, about half a millisecond of
// CPU: the largest part of a `/cagnotte status` burst's database work in a CPU profile); here it
// is one statement prepared once, as the delivery hot path does (delivery-statements.ts), with the
// meaning of people-repositories.ts's methods of the same names, which transactions still use.
import type pg from "pg";
import type { PeopleRepository } from "../../ports/store.js";
import type { Person } from "../../core/model.js";
import type { Driver } from "./prisma-client.js";
import { PERSON_COLUMNS, personOf, preparedOnce, type Row } from "./prepared-statements.js";

type PeopleStatements = Pick<PeopleRepository, "findByEmail" | "findByPlatformId">;

const SELECT = `SELECT ${PERSON_COLUMNS.map((c) => `"${c}" AS "p_${c}"`).join(", ")} FROM "Person"`;
const key = (email: string) => email.trim().toLowerCase();
const person = (row: Row | undefined) => (row ? personOf(row, "p") : null);

const SQLITE = {
  byEmail: `${SELECT} WHERE "email" = ?`,
  bySlack: `${SELECT} WHERE "slackUserId" = ? LIMIT 1`,
  byTeams: `${SELECT} WHERE "teamsUserId" = ? LIMIT 1`,
} as const;
const sqliteStatements = preparedOnce(SQLITE);

/** The same statements with PostgreSQL's placeholder (each takes one value). */
const PG = Object.fromEntries(Object.entries(SQLITE).map(([name, sql]) => [name, sql.replace("?", "$1")])) as Record<keyof typeof SQLITE, string>;

type Statement = keyof typeof SQLITE;

export function peopleStatements(driver: Driver): PeopleStatements {
  let get: (name: Statement, value: string) => Promise<Person | null>;
  if (driver.provider === "sqlite") {
    // In the connection's turn, as Prisma's statements outside a transaction (sqlite-transaction-guard.ts).
    get = (name, value) => driver.connection.statement((db) => person(sqliteStatements(db)[name].get(value) as Row | undefined));
  } else {
    // Named: each connection of the pool prepares a statement once, then only binds.
    get = async (name, value) => person((await driver.pool.query<pg.QueryResultRow>({ name: `cagnotte_people_${name}`, text: PG[name], values: [value] })).rows[0]);
  }
  return {
    findByEmail: (email) => get("byEmail", key(email)),
    findByPlatformId: (platform, userId) => get(platform === "slack" ? "bySlack" : "byTeams", userId),
  };
}
