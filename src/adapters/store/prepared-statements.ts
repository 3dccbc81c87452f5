// What the hot paths that run on the driver directly (ingest, delivery) share: SQLite statements
// prepared once per connection, and DateTimes written exactly as Prisma's adapters write them.
import type BetterSqlite3 from "better-sqlite3";

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
