/**
 * `npm run db:reset-demo`: rebuilds the demo world of DATABASE_URL atomically
 * (lib/server/demo/reset-world.ts), with its clock back to real time; private worlds are left as they
 * are. The demo world is shared, so nobody resets it from the browser (docs/decisions/014); this is
 * the operator's way. Also the child the kill -9 test kills. `npm run db:reset` deletes the whole file.
 */
import { resetWorld } from "../lib/server/demo/reset-world";
import { db } from "../lib/server/shared-db";

await resetWorld(db, new Date());
console.log("Reset the demo world.");
await db.$disconnect();
