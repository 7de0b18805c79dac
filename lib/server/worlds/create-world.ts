import "server-only";
import { m } from "@/lib/i18n/message";
import { randomBytes } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { WORLD_LIMITS, worldScopedId, type WorldTemplate } from "@/lib/worlds";
import { resetWorld } from "../demo/reset-world";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import { storedDate } from "../sqlite/sql-tx";
import { expireIdleWorlds } from "./expire-worlds";

export interface CreateWorldInput {
  visitorId: string;
  /** The world's name, shown to everyone in it. */
  name: string;
  /** The creator's own name, shown to the people who join. */
  ownerName: string;
  template: WorldTemplate;
}

/**
 * Creates a private world owned by this visitor: built like a reset (a scratch world swapped in by
 * one transaction, so it appears complete or not at all), with its row, its owner and its share
 * link's token added in that same transaction — where the limits are checked too, so two
 * simultaneous requests cannot both pass them.
 */
export function createWorld(db: Db, input: CreateWorldInput, realNow: Date): Promise<Result<{ worldId: string }>> {
  return runCommand(async () => {
    await expireIdleWorlds(db, realNow);
    const worldId = `w${randomBytes(5).toString("hex")}`;
    const now = storedDate(realNow);
    const hourAgo = storedDate(new Date(realNow.getTime() - 3_600_000));
    await resetWorld(db, realNow, worldId, {
      template: input.template,
      inside: (handle) => {
        const recent = handle.prepare(`SELECT count(*) AS n FROM "World" WHERE "ownerId" = ? AND "createdAt" > ?`).get(input.visitorId, hourAgo) as { n: number };
        if (recent.n >= WORLD_LIMITS.createdPerHour) {
          throw new AppError("VALIDATION", m("errors.worldsPerHour", { max: WORLD_LIMITS.createdPerHour }));
        }
        const total = handle.prepare(`SELECT count(*) AS n FROM "World" WHERE "kind" = 'PRIVATE'`).get() as { n: number };
        if (total.n >= WORLD_LIMITS.privateWorlds) {
          throw new AppError("VALIDATION", m("errors.worldsOnServer", { max: WORLD_LIMITS.privateWorlds }));
        }
        handle
          .prepare(`INSERT INTO "World" ("id", "name", "kind", "ownerId", "template", "joinToken", "aheadMs", "createdAt", "lastActiveAt") VALUES (?, ?, 'PRIVATE', ?, ?, ?, 0, ?, ?)`)
          .run(worldId, input.name, input.visitorId, input.template, randomBytes(18).toString("base64url"), now, now);
        handle
          .prepare(`INSERT INTO "WorldMember" ("id", "worldId", "visitorId", "name", "role", "joinedAt") VALUES (?, ?, ?, ?, 'OWNER', ?)`)
          .run(worldScopedId(worldId, `m-${randomBytes(6).toString("hex")}`), worldId, input.visitorId, input.ownerName, now);
      },
    });
    return { worldId };
  });
}
