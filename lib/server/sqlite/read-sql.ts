/**
 * The page reads' SQL (issue 32): prepared statements on a better-sqlite3 connection of their own,
 * run synchronously. A page's reads in one `readSql` call are one snapshot (a read transaction, so
 * a commit landing halfway cannot show half of it) and one trip to SQLite: no promise, no ORM, no
 * query planning per request. The connection refuses writes (`query_only`); it is not opened
 * read-only at the file level for the reason readOnlyAdapter gives (serialized-adapter.ts).
 */
import Database from "better-sqlite3";
import { CACHE_PRAGMAS } from "../serialized-adapter";
import { SqlTx, type RecordedStatement } from "./sql-tx";

interface Reader {
  url: string;
  handle: Database.Database;
  record?: RecordedStatement[];
}

// One per process (the server bundles this module more than once), for the database the process uses.
const globalForReader = globalThis as unknown as { __readSql?: Reader };

function databaseFileNow(): string {
  return (process.env.DATABASE_URL || "file:./data/app.db").replace(/^file:/, "");
}

function reader(): Reader {
  const url = databaseFileNow();
  const current = globalForReader.__readSql;
  if (current && current.url === url && current.handle.open) return current;
  current?.handle.close();
  const handle = new Database(url, { timeout: 5000 });
  handle.pragma("query_only = ON");
  handle.exec(CACHE_PRAGMAS);
  const made: Reader = { url, handle, record: current?.record };
  globalForReader.__readSql = made;
  return made;
}

/**
 * Runs `body`'s reads as one snapshot on the read connection and returns what it returns. `body`
 * is synchronous: nothing else runs on the connection meanwhile. Reads only: a write is refused.
 */
export function readSql<T>(body: (sql: SqlTx) => T): T {
  const { handle, record } = reader();
  if (handle.inTransaction) return body(new SqlTx(handle, record));
  return handle.transaction(() => body(new SqlTx(handle, record)))();
}

/** For the query-plan tests: every statement the page reads send from now on is added to `into`. */
export function recordPageReads(into: RecordedStatement[] | undefined): void {
  const current = reader();
  current.record = into;
}
