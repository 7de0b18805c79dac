/**
 * Creates Prisma clients on the better-sqlite3 driver adapter. Used by the app (through db.ts),
 * the seed script and the tests, each with its own database URL. A writer client runs one
 * transaction or statement at a time on its connection (serialized-adapter.ts); a reader client
 * has a connection of its own that refuses writes, and sees only committed rows (WAL).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { readOnlyAdapter, serializedAdapter, type SerializedAdapterFactory } from "./serialized-adapter";
import type Database from "better-sqlite3";
import { GroupCommit } from "./sqlite/group-commit";
import type { RecordedStatement, SqlTx } from "./sqlite/sql-tx";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

interface Writer {
  factory: SerializedAdapterFactory;
  commits: GroupCommit;
  url?: string;
}
/**
 * Kept on the client itself under a global symbol, not in a module-level map: the server bundles this
 * module more than once (instrumentation, pages, actions) and they share one client (shared-db.ts).
 */
const WRITER = Symbol.for("refund-lab.writer");
const writerOf = (client: PrismaClient) => (client as unknown as { [WRITER]?: Writer })[WRITER];

/** Makes `client` (built on `factory`) a writer that `writeTransaction` can use; `record` collects its statements (tests). */
export function registerWriter(client: PrismaClient, factory: SerializedAdapterFactory, record?: RecordedStatement[], url?: string): PrismaClient {
  const writer: Writer = { factory, commits: new GroupCommit(factory.gate, () => factory.handle(), record), url };
  Object.defineProperty(client, WRITER, { value: writer });
  return client;
}

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  // `timeout` is SQLite's busy timeout: wait for another writer (another process) instead of failing at once.
  const factory = serializedAdapter(new PrismaBetterSqlite3({ url, timeout: 5000 }));
  return registerWriter(new PrismaClient({ adapter: factory }), factory, undefined, url);
}

/** The file a writer client's database lives in. */
export function databaseFile(db: Db): string {
  const url = writerOf(db)?.url;
  if (!url) throw new Error("databaseFile needs a writer client made by createPrismaClient.");
  return url.replace(/^file:/, "");
}

/**
 * Runs `body` with the writer's better-sqlite3 connection while holding the writer's queue, outside
 * any transaction (for ATTACH, which SQLite refuses inside one). `body` is synchronous: nothing else
 * runs on the connection until it returns. Only the demo reset uses it.
 */
export async function withWriter<T>(db: Db, body: (handle: Database.Database) => T): Promise<T> {
  const writer = writerOf(db);
  if (!writer) throw new Error("withWriter needs a writer client (createPrismaClient).");
  if (!writer.factory.handle()) await db.$connect();
  return writer.factory.gate.run(async () => {
    const handle = writer.factory.handle();
    if (!handle) throw new Error("The writer's connection is not a better-sqlite3 database.");
    return body(handle);
  });
}

/**
 * Runs `body` on the writer's connection, in the writer's queue, as if in a transaction of its own:
 * its writes commit together or, if it throws, not at all. `body` is synchronous, so nothing else
 * runs on the connection meanwhile. Bodies queued together share one SQLite commit, each in its own
 * savepoint (group-commit.ts); the promise settles once that commit is done. The command path uses
 * it (docs/decisions/011).
 */
export async function writeTransaction<T>(db: Db, body: (sql: SqlTx) => T): Promise<T> {
  const writer = writerOf(db);
  if (!writer) throw new Error("writeTransaction needs a writer client (createPrismaClient).");
  // Prisma connects on first use; connect before queueing, in case connecting sends a statement.
  if (!writer.factory.handle()) await db.$connect();
  return writer.commits.submit(body);
}

/** A client for page reads on a read-only connection of its own: never waits for a write, never sees an uncommitted row. */
export function createReadClient(url: string = databaseUrl()): PrismaClient {
  return new PrismaClient({ adapter: readOnlyAdapter(new PrismaBetterSqlite3({ url, timeout: 5000 })) });
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
