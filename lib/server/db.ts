import "server-only";
export { db } from "./shared-db";
