import { m } from "@/lib/i18n/message";
import "server-only";
import { randomBytes } from "node:crypto";
import { AppError, type Result } from "@/lib/errors";
import { WORLD_LIMITS, worldScopedId } from "@/lib/worlds";
import type { Db } from "../prisma";
import { runCommand } from "../run-command";
import type { SqlTx } from "../sqlite/sql-tx";

/** The world a share link leads to, as the join page reads it (one statement on the page reads' connection). */
export function readWorldByToken(sql: SqlTx, token: string): { id: string; name: string } | null {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  return sql.get<{ id: string; name: string }>(`SELECT "id", "name" FROM "World" WHERE "joinToken" = ? AND "kind" = 'PRIVATE' LIMIT 1`, token) ?? null;
}

/** The world a share link leads to (its name only: joining is a separate, deliberate step). */
export async function findWorldByToken(db: Db, token: string): Promise<{ id: string; name: string } | null> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  return db.world.findFirst({ where: { joinToken: token, kind: "PRIVATE" }, select: { id: true, name: true } });
}

/**
 * Joins a private world by its share link's token, as a member (who can play its personas but not
 * move its clock). Joining twice, or a double-click, keeps the one membership.
 */
export function joinWorld(db: Db, input: { token: string; visitorId: string; name: string }, realNow: Date): Promise<Result<{ worldId: string }>> {
  return runCommand(async () => {
    const world = await findWorldByToken(db, input.token);
    if (!world) throw new AppError("NOT_FOUND", m("errors.linkDead"));
    await db.$transaction(async (tx) => {
      const existing = await tx.worldMember.findUnique({ where: { worldId_visitorId: { worldId: world.id, visitorId: input.visitorId } } });
      if (existing) return;
      if ((await tx.worldMember.count({ where: { worldId: world.id } })) >= WORLD_LIMITS.members) {
        throw new AppError("VALIDATION", m("errors.worldFull", { max: WORLD_LIMITS.members }));
      }
      await tx.worldMember.create({
        data: { id: worldScopedId(world.id, `m-${randomBytes(6).toString("hex")}`), worldId: world.id, visitorId: input.visitorId, name: input.name, role: "MEMBER", joinedAt: realNow },
      });
      await tx.world.update({ where: { id: world.id }, data: { lastActiveAt: realNow } });
    });
    return { worldId: world.id };
  });
}
