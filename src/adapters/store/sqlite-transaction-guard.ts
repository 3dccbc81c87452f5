// Prisma's better-sqlite3 driver adapter (6.19) takes a mutex at BEGIN and frees it only when the
// engine calls commit() or rollback() on the transaction. When SQLite has already ended the
// transaction by itself — SQLITE_FULL on a plain INSERT/UPDATE rolls the whole transaction back, a
// COMMIT that fails on a full disk — the engine's ROLLBACK fails ("no transaction is active"), it
// calls neither, and the mutex stays held: every later write, and shutdown, waits for ever. This
// wrapper ends such a transaction for real, so the database works again once there is space.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

/** The better-sqlite3 connection the adapter and its transactions keep in `client`. */
interface Connection {
  readonly inTransaction: boolean;
  exec(sql: string): unknown;
}

interface AdapterTransaction {
  client?: Connection;
  queryRaw(query: { sql: string }): Promise<unknown>;
  executeRaw(query: { sql: string }): Promise<unknown>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

interface Adapter {
  client?: Connection;
  startTransaction(isolationLevel?: unknown): Promise<AdapterTransaction>;
}

/** A property of the wrapped object, methods bound to it (the adapter's classes use private fields). */
function own(target: object, property: string | symbol): unknown {
  const value = Reflect.get(target, property) as unknown;
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

function guardTransaction(tx: AdapterTransaction, connection: Connection | undefined): AdapterTransaction {
  let ended = false;
  const release = async () => {
    if (ended) return;
    ended = true;
    await tx.rollback();
  };
  const run = (method: "queryRaw" | "executeRaw") => async (query: { sql: string }) => {
    try {
      return await tx[method](query);
    } catch (error) {
      const sql = query.sql.trim().toUpperCase();
      const stillOpen = connection?.inTransaction ?? true;
      // SQLite rolled back already: the ROLLBACK asked for is done; rollback() follows and unlocks.
      if (sql.startsWith("ROLLBACK") && !stillOpen) return method === "queryRaw" ? EMPTY_RESULT : 0;
      if (sql.startsWith("COMMIT")) {
        if (stillOpen) {
          try {
            connection?.exec("ROLLBACK");
          } catch {
            // nothing more can be done on this connection; the error below says what failed
          }
        }
        await release();
      }
      throw error;
    }
  };
  return new Proxy(tx, {
    get(target, property) {
      if (property === "queryRaw") return run("queryRaw");
      if (property === "executeRaw") return run("executeRaw");
      if (property === "commit")
        return async () => {
          if (ended) return;
          ended = true;
          await target.commit();
        };
      if (property === "rollback") return release;
      return own(target, property);
    },
  });
}

function guardAdapter(adapter: Adapter): Adapter {
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "startTransaction") {
        return async (isolationLevel?: unknown) => guardTransaction(await target.startTransaction(isolationLevel), target.client);
      }
      return own(target, property);
    },
  });
}

/** The same adapter factory, whose connections never keep the transaction lock after SQLite ended it. */
export function releaseLockWhenSqliteEndsTransaction(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  return new Proxy(factory, {
    get(target, property) {
      if (property === "connect") return async () => guardAdapter((await target.connect()) as unknown as Adapter);
      return own(target, property);
    },
  });
}
