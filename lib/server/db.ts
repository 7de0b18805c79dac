import "server-only";
export { db, readDb } from "./shared-db";
