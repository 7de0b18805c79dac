import { createPrismaClient, type Db } from "./prisma";

/**
 * The one Prisma client of a server process, shared by the pages, the actions and the timer sweeper
 * (instrumentation.ts). One client means one SQLite connection, whose transactions run one at a
 * time; two connections in one process could wait on each other's locks.
 */
const globalForDb = globalThis as unknown as { __db?: Db };

export const db: Db = (globalForDb.__db ??= createPrismaClient());
