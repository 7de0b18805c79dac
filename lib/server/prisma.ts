/**
 * Creates Prisma clients on the better-sqlite3 driver adapter. Used by the app (through db.ts),
 * the seed script and the tests, each with its own database URL.
 */
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "@/generated/prisma/client";

export const DEFAULT_DATABASE_URL = "file:./data/app.db";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  // `timeout` is SQLite's busy timeout: wait for another writer instead of failing at once.
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
}

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
