// Seeds the demo world into an empty database; leaves a database with data untouched. Either way it
// then refreshes the query planner's statistics (`PRAGMA optimize`), which new indexes and grown
// tables need; the server refreshes them hourly too.
import { systemClock } from "@/lib/clock";
import { optimizeDatabase } from "@/lib/server/db-maintenance";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createPrismaClient, databaseUrl } from "@/lib/server/prisma";

const db = createPrismaClient();
try {
  const seeded = await seedDemoWorld(db, systemClock.now());
  await optimizeDatabase(db);
  console.log(
    seeded
      ? `Seeded the demo world into ${databaseUrl()}.`
      : `${databaseUrl()} already has data; left as it is (npm run db:reset starts over).`,
  );
} finally {
  await db.$disconnect();
}
