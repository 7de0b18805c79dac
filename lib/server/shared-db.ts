import { createPrismaClient, createReadClient, type Db } from "./prisma";

/**
 * The Prisma clients of a server process, shared by the pages, the actions and the timer sweeper
 * (instrumentation.ts). `db` is the one writer: its connection runs one transaction or statement at
 * a time, in arrival order, so a statement from one request never lands inside another request's
 * transaction. `readDb` is for page reads: a read-only connection of its own (WAL), which sees what
 * is committed and never waits for a writer. Anything that writes, or reads to decide a write, uses
 * `db`. See docs/decisions/010.
 */
const globalForDb = globalThis as unknown as { __db?: Db; __readDb?: Db };

export const db: Db = (globalForDb.__db ??= createPrismaClient());
export const readDb: Db = (globalForDb.__readDb ??= createReadClient());
