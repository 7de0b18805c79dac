import "server-only";
import { WORLD_LIMITS } from "@/lib/worlds";
import { deleteWorld } from "../demo/reset-world";
import type { Db } from "../prisma";

/** Deletes the private worlds nobody has used for WORLD_LIMITS.idleDays, with the uploads only they referred to. Returns their ids. */
export async function expireIdleWorlds(db: Db, realNow: Date): Promise<string[]> {
  const before = new Date(realNow.getTime() - WORLD_LIMITS.idleDays * 24 * 3_600_000);
  const idle = await db.world.findMany({ where: { kind: "PRIVATE", lastActiveAt: { lt: before } }, select: { id: true }, orderBy: { lastActiveAt: "asc" } });
  for (const world of idle) await deleteWorld(db, world.id);
  return idle.map((world) => world.id);
}
