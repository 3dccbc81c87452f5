// What the hot paths that run on the driver directly (ingest, delivery, who asks a command) share:
// SQLite statements prepared once per connection, DateTimes written exactly as Prisma's adapters
// write them, and a person read from a row as mappers.ts's toPerson reads it.
import type BetterSqlite3 from "better-sqlite3";
import type { Locale, Person } from "../../core/model.js";

export type PreparedStatements<T extends Record<string, string>> = { [K in keyof T]: BetterSqlite3.Statement };

/** A function giving `sql`'s statements prepared on a connection (prepared on its first call there). */
export function preparedOnce<T extends Record<string, string>>(sql: T): (db: BetterSqlite3.Database) => PreparedStatements<T> {
  const prepared = new WeakMap<BetterSqlite3.Database, PreparedStatements<T>>();
  return (db) => {
    let statements = prepared.get(db);
    if (!statements) {
      statements = Object.fromEntries(Object.entries(sql).map(([k, text]) => [k, db.prepare(text)])) as PreparedStatements<T>;
      prepared.set(db, statements);
    }
    return statements;
  };
}

/** A DateTime as Prisma's SQLite adapter stores it (ISO text with an explicit +00:00). */
export const sqliteDate = (d: Date): string => d.toISOString().replace("Z", "+00:00");

/** A DateTime as Prisma's PostgreSQL adapter sends it (UTC, into `timestamp(3)` without time zone). */
export const pgDate = (d: Date): string => d.toISOString().replace("T", " ").replace("Z", "");

export type Row = Record<string, unknown>;

export const str = (value: unknown) => String(value);
export const strOrNull = (value: unknown) => (value === null || value === undefined ? null : String(value));

/** The Person columns a Person is made of; selected as `<prefix>_<column>`. */
export const PERSON_COLUMNS = ["id", "email", "name", "locale", "clientId", "slackUserId", "teamsUserId"] as const;

/** The person in `row`'s `<prefix>_…` columns. */
export function personOf(row: Row, prefix: string): Person {
  const locale = row[`${prefix}_locale`];
  return {
    id: str(row[`${prefix}_id`]),
    email: str(row[`${prefix}_email`]),
    name: strOrNull(row[`${prefix}_name`]),
    locale: locale === "fr" || locale === "en" ? (locale as Locale) : null,
    clientId: strOrNull(row[`${prefix}_clientId`]),
    slackUserId: strOrNull(row[`${prefix}_slackUserId`]),
    teamsUserId: strOrNull(row[`${prefix}_teamsUserId`]),
  };
}
