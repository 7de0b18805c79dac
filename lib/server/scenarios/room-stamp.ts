import "server-only";
import { readSql } from "../sqlite/read-sql";

/** A fingerprint of what the training room shows: the world's latest order change, run, sign-in and membership (one statement on the page reads' connection). */
export async function roomStamp(worldId: string): Promise<string> {
  const row = readSql((sql) => sql.get<{ changed: unknown; started: unknown; signedIn: unknown; members: unknown }>(
    `SELECT
      (SELECT max("updatedAt") FROM "Order" WHERE "worldId" = ?) AS "changed",
      (SELECT max("startedAt") FROM "ScenarioRun" WHERE "worldId" = ?) AS "started",
      (SELECT max("createdAt") || '/' || count(*) FROM "Session" WHERE "revokedAt" IS NULL AND "userId" IN (SELECT "id" FROM "User" WHERE "worldId" = ?)) AS "signedIn",
      (SELECT count(*) FROM "WorldMember" WHERE "worldId" = ?) AS "members"`,
    worldId,
    worldId,
    worldId,
    worldId,
  ));
  return [row?.changed, row?.started, row?.signedIn, row?.members].map((value) => String(value ?? "-")).join("|");
}
