/**
 * Resets the demo world of DATABASE_URL atomically (lib/server/demo/reset-world.ts), as the server's
 * "Reset demo world" does. Used by the kill -9 test; `npm run db:reset` rebuilds the file instead.
 */
import { resetWorld } from "../lib/server/demo/reset-world";
import { db } from "../lib/server/shared-db";

await resetWorld(db, new Date());
console.log("Reset the demo world.");
await db.$disconnect();
