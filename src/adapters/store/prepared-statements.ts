// SQLite statements the hot paths run on the driver directly (ingest, delivery): each set is
// prepared once per connection, the first time it is used, and kept as long as the connection.
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
