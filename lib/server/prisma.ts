/**
 * Creates Prisma clients on the better-sqlite3 driver adapter. Used by the app (through db.ts),
 * the seed script and the tests, each with its own database URL. A writer client runs one
 * transaction or statement at a time on its connection (serialized-adapter.ts); a reader client
 * has a connection of its own that refuses writes, and sees only committed rows (WAL).
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@/generated/prisma/client";
import { readOnlyAdapter, serializedAdapter } from "./serialized-adapter";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  // `timeout` is SQLite's busy timeout: wait for another writer (another process) instead of failing at once.
  return new PrismaClient({ adapter: serializedAdapter(new PrismaBetterSqlite3({ url, timeout: 5000 })) });
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
