// Seeds the demo world into an empty database; leaves a database with data untouched.
import { systemClock } from "@/lib/clock";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createPrismaClient, databaseUrl } from "@/lib/server/prisma";

const db = createPrismaClient();
try {
  const seeded = await seedDemoWorld(db, systemClock.now());
  console.log(
    seeded
      ? `Seeded the demo world into ${databaseUrl()}.`
      : `${databaseUrl()} already has data; left as it is (npm run db:reset starts over).`,
  );
} finally {
  await db.$disconnect();
}
