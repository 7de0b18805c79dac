import "server-only";
import { createPrismaClient, type Db } from "./prisma";

// One client per server process. In development the module is re-evaluated on every change,
// so the client is kept on globalThis to avoid opening a new connection each time.
const globalForDb = globalThis as unknown as { __db?: Db };

export const db: Db = globalForDb.__db ?? createPrismaClient();
if (process.env.NODE_ENV === "development") globalForDb.__db = db;
