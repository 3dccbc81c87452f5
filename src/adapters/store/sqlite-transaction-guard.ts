// Prisma's better-sqlite3 driver adapter (6.19) takes a mutex at BEGIN and frees it only when the
// engine calls commit() or rollback() on the transaction. When SQLite has already ended the
// transaction by itself — SQLITE_FULL on a plain INSERT/UPDATE rolls the whole transaction back, a
// COMMIT that fails on a full disk — the engine's ROLLBACK fails ("no transaction is active"), it
// calls neither, and the mutex stays held: every later write, and shutdown, waits for ever. This
// wrapper ends such a transaction for real, so the database works again once there is space.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type BetterSqlite3 from "better-sqlite3";

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
  queryRaw(query: { sql: string }): Promise<unknown>;
  executeRaw(query: { sql: string }): Promise<unknown>;
}

/**
 * How long a statement outside any transaction waits for the open one to end. Longer than any
 * transaction of ours; a statement issued from inside a transaction's own callback (which would
 * wait for itself) goes ahead after it rather than hanging.
 */
const OUTSIDE_STATEMENT_WAIT_MS = 5_000;

/** A property of the wrapped object, methods bound to it (the adapter's classes use private fields). */
function own(target: object, property: string | symbol): unknown {
  const value = Reflect.get(target, property) as unknown;
  return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
}

const EMPTY_RESULT = { columnNames: [], columnTypes: [], rows: [] };

function guardTransaction(tx: AdapterTransaction, connection: Connection | undefined, onEnd: () => void): AdapterTransaction {
  let ended = false;
  const release = async () => {
    if (ended) return;
    ended = true;
    try {
      await tx.rollback();
    } finally {
      onEnd();
    }
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
          try {
            await target.commit();
          } finally {
            onEnd();
          }
        };
      if (property === "rollback") return release;
      return own(target, property);
    },
  });
}

/** A first-come, first-served turn: whoever holds it has the connection to themselves. */
class Turns {
  private tail: Promise<void> = Promise.resolve();

  take(): Promise<() => void> {
    let release: () => void = () => {};
    const done = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => done);
    return previous.then(() => release);
  }
}

/**
 * The adapter has one connection and serialises transactions only: a statement issued outside a
 * transaction while another one is open runs on the same connection, inside that transaction — it
 * would be lost if the transaction rolled back, and it reads uncommitted rows. Here every
 * transaction and every statement outside one takes its turn on the connection, as they would on a
 * server database (SQLite runs one statement at a time anyway, so nothing is slower).
 */
/** The turn's release, or null when it did not come within OUTSIDE_STATEMENT_WAIT_MS. */
async function waitTurn(turn: Promise<() => void>): Promise<(() => void) | null> {
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([turn.then((release) => ({ release })), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), OUTSIDE_STATEMENT_WAIT_MS)))]);
  clearTimeout(timer);
  return waited?.release ?? null;
}

function guardAdapter(adapter: Adapter, turns: Turns): Adapter {
  const outside = (method: "queryRaw" | "executeRaw", target: Adapter) => async (query: { sql: string }) => {
    const turn = turns.take();
    const release = await waitTurn(turn);
    if (!release) {
      // Issued from inside a transaction's own work (it would wait for itself): go ahead in it.
      void turn.then((late) => late());
      return target[method](query);
    }
    try {
      return await target[method](query);
    } finally {
      release();
    }
  };
  return new Proxy(adapter, {
    get(target, property) {
      if (property === "startTransaction") {
        return async (isolationLevel?: unknown) => {
          const release = await turns.take();
          try {
            return guardTransaction(await target.startTransaction(isolationLevel), target.client, release);
          } catch (error) {
            release();
            throw error;
          }
        };
      }
      if (property === "queryRaw" || property === "executeRaw") return outside(property, target);
      return own(target, property);
    },
  });
}

/** The connection Prisma's adapter opened, taken in turn with Prisma's own transactions and statements. */
export interface SqliteConnection {
  /**
   * Runs `work` with the connection to itself: no Prisma transaction is open on it and no Prisma
   * statement runs until `work` settles (ingest's hot statements run on the driver this way).
   */
  exclusive<T>(work: (connection: BetterSqlite3.Database) => Promise<T>): Promise<T>;
  /**
   * One statement outside any transaction, as Prisma's own statements outside one run here: it
   * waits its turn, but not past OUTSIDE_STATEMENT_WAIT_MS — issued from inside a transaction's own
   * callback it would wait for itself, so it then goes ahead in that transaction instead of hanging.
   */
  statement<T>(work: (connection: BetterSqlite3.Database) => T): Promise<T>;
}

/**
 * The same adapter factory, whose connections never keep the transaction lock after SQLite ended
 * it, and a way to use its connection directly in turn with Prisma.
 */
export function guardedSqlite(factory: PrismaBetterSQLite3): { factory: PrismaBetterSQLite3; connection: SqliteConnection } {
  let current: { turns: Turns; client: BetterSqlite3.Database } | null = null;
  const guarded = new Proxy(factory, {
    get(target, property) {
      if (property === "connect")
        return async () => {
          const adapter = (await target.connect()) as unknown as Adapter;
          const turns = new Turns();
          current = { turns, client: adapter.client as unknown as BetterSqlite3.Database };
          return guardAdapter(adapter, turns);
        };
      return own(target, property);
    },
  });
  return {
    factory: guarded,
    connection: {
      async exclusive(work) {
        const open = current;
        // not user-facing: a programming error (used before the Prisma client connected)
        if (!open) throw new Error("the SQLite connection is not open yet");
        const release = await open.turns.take();
        try {
          return await work(open.client);
        } finally {
          release();
        }
      },
      async statement(work) {
        const open = current;
        // not user-facing: a programming error (used before the Prisma client connected)
        if (!open) throw new Error("the SQLite connection is not open yet");
        const turn = open.turns.take();
        const release = await waitTurn(turn);
        if (!release) {
          // Issued from inside a transaction's own work (it would wait for itself): go ahead in it.
          void turn.then((late) => late());
          return work(open.client);
        }
        try {
          return work(open.client);
        } finally {
          release();
        }
      },
    },
  };
}
