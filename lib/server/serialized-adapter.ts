/**
 * One SQLite connection, one thing at a time. The better-sqlite3 driver adapter serialises
 * transactions among themselves, but a query sent outside a transaction while another request's
 * interactive transaction is open runs on the same connection, inside that transaction: a read sees
 * rows that may never commit, and a write is rolled back with someone else's work. This wrapper puts
 * every statement sent outside a transaction in the same FIFO queue as the transactions, so it runs
 * between them, never inside one (docs/decisions/010). Statements inside a transaction use the
 * transaction's own handle and do not queue.
 */
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import type Database from "better-sqlite3";

/** A FIFO lock: `acquire()` resolves with a release function once everyone before has released. */
export class Gate {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  /** How many holders and waiters there are (for tests and metrics). */
  get depth(): number {
    return this.#waiting;
  }

  acquire(): Promise<() => void> {
    this.#waiting += 1;
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = () => {
        this.#waiting -= 1;
        resolve();
      };
    });
    const before = this.#tail;
    this.#tail = before.then(() => mine);
    let released = false;
    return before.then(() => () => {
      if (released) return;
      released = true;
      release();
    });
  }

  async run<T>(body: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await body();
    } finally {
      release();
    }
  }
}

function serialize(adapter: SqlDriverAdapter, gate: Gate, onDispose: () => void): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query: SqlQuery) => gate.run(() => adapter.queryRaw(query)),
    executeRaw: (query: SqlQuery) => gate.run(() => adapter.executeRaw(query)),
    executeScript: (script: string) => gate.run(() => adapter.executeScript(script)),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => {
      onDispose();
      return adapter.dispose();
    },
    async startTransaction(isolationLevel) {
      const release = await gate.acquire();
      let tx: Transaction;
      try {
        tx = await adapter.startTransaction(isolationLevel);
      } catch (error) {
        release();
        throw error;
      }
      // The transaction holds the gate until it commits or rolls back.
      const done = async (end: () => Promise<void>) => {
        try {
          await end();
        } finally {
          release();
        }
      };
      return {
        options: tx.options,
        provider: tx.provider,
        adapterName: tx.adapterName,
        queryRaw: (query: SqlQuery) => tx.queryRaw(query),
        executeRaw: (query: SqlQuery) => tx.executeRaw(query),
        commit: () => done(() => tx.commit()),
        rollback: () => done(() => tx.rollback()),
        ...(tx.createSavepoint ? { createSavepoint: (name: string) => tx.createSavepoint!(name) } : {}),
        ...(tx.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) } : {}),
        ...(tx.releaseSavepoint ? { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) } : {}),
      };
    },
  };
}

/**
 * A bigger page cache and memory-mapped reads: at a million orders (an 11 GB file) the default 2 MB
 * cache made every command read its pages from the file again.
 */
/**
 * The writer's settings. WAL with synchronous=NORMAL: a commit survives the process being killed
 * (kill -9), and only a power cut may lose the last commits; each commit no longer waits for an
 * fsync. The WAL is copied back into the database every 10,000 pages (~40 MB) instead of SQLite's
 * 1,000: a page written by many commits in between (an index's newest page, with time-ordered
 * keys) is copied once. Measured (issue 32): a cancel's raw write set 1.3× as fast at 100,000
 * orders; `npm run bench` measures it with the settings before and after.
 */
export const WRITER_PRAGMAS = "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 10000;";
export const CACHE_PRAGMAS = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;";

/**
 * The better-sqlite3 database under Prisma's adapter (its `client`), for the command path's prepared
 * statements (lib/server/sqlite/sql-tx.ts). Checked by shape, since the adapter does not export it.
 */
function handleOf(adapter: SqlDriverAdapter): Database.Database | null {
  const client = (adapter as unknown as { client?: Partial<Database.Database> }).client;
  return client && typeof client.prepare === "function" && typeof client.transaction === "function" ? (client as Database.Database) : null;
}

export interface SerializedAdapterFactory extends SqlDriverAdapterFactory {
  gate: Gate;
  /** The connection's better-sqlite3 database once connected; used only while holding `gate`. */
  handle(): Database.Database | null;
}

/** Wraps a driver adapter factory so that each connection it makes runs one transaction or statement at a time. */
export function serializedAdapter(factory: SqlDriverAdapterFactory): SerializedAdapterFactory {
  const gate = new Gate();
  let handle: Database.Database | null = null;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    gate,
    handle: () => handle,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(`${WRITER_PRAGMAS} ${CACHE_PRAGMAS}`);
      const own = handleOf(adapter);
      handle = own;
      return serialize(adapter, gate, () => {
        if (handle === own) handle = null;
      });
    },
  };
}

const WRITE = /^\s*(insert|update|delete|replace|create|drop|alter|pragma\s+\w+\s*=)/i;

function refuseWrites(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const check = (query: SqlQuery) => {
    if (WRITE.test(query.sql)) throw new Error(`The read connection does not write (${query.sql.slice(0, 40)}…): use the writer client.`);
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: async (query: SqlQuery) => (check(query), adapter.queryRaw(query)),
    executeRaw: async (query: SqlQuery) => (check(query), adapter.executeRaw(query)),
    executeScript: async () => {
      throw new Error("The read connection does not run scripts.");
    },
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => adapter.dispose(),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
  };
}

/**
 * A connection for page reads only. It is a separate SQLite connection, so in WAL mode it sees only
 * committed rows and never waits for the writer; statements that would write are refused. (Not
 * opened read-only at the file level: a read-only connection cannot create the WAL's shared-memory
 * file when it is the first to open the database.)
 */
export function readOnlyAdapter(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      await adapter.executeScript(CACHE_PRAGMAS);
      return refuseWrites(adapter);
    },
  };
}
