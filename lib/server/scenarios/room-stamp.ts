import "server-only";
import type { Db } from "../prisma";

/** A fingerprint of what the training room shows: the world's latest order change, run, sign-in and membership. */
export async function roomStamp(db: Db, worldId: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ changed: unknown; started: unknown; signedIn: unknown; members: unknown }[]>(
    `SELECT
      (SELECT max("updatedAt") FROM "Order" WHERE "worldId" = ?) AS "changed",
      (SELECT max("startedAt") FROM "ScenarioRun" WHERE "worldId" = ?) AS "started",
      (SELECT max("createdAt") || '/' || count(*) FROM "Session" WHERE "revokedAt" IS NULL AND "userId" IN (SELECT "id" FROM "User" WHERE "worldId" = ?)) AS "signedIn",
      (SELECT count(*) FROM "WorldMember" WHERE "worldId" = ?) AS "members"`,
    worldId,
    worldId,
    worldId,
    worldId,
  );
  const row = rows[0];
  return [row?.changed, row?.started, row?.signedIn, row?.members].map((value) => String(value ?? "-")).join("|");
}
