/**
 * The simulator's clocks: each world's app time = real time + an offset kept on the world, which only
 * grows. Every move is recorded. Domain code never reads it directly: servers and scripts pass `now` in.
 */
import { systemClock, type Clock } from "@/lib/clock";
import { DEMO_WORLD } from "../auth/session-user";
import type { Db } from "../prisma";

export async function readOffsetMs(db: Db, worldId: string = DEMO_WORLD): Promise<number> {
  const row = await db.world.findUnique({ where: { id: worldId }, select: { aheadMs: true } });
  return row ? Number(row.aheadMs) : 0;
}

/** A world's time now (the demo world's when none is named). */
export async function appTime(db: Db, real: Clock = systemClock, worldId: string = DEMO_WORLD): Promise<Date> {
  return new Date(real.now().getTime() + (await readOffsetMs(db, worldId)));
}

/** Moves a world's clock forward to `to` (never back) and records the jump. Returns where it moved from and to. */
export async function advanceClock(
  db: Db,
  to: Date,
  reason: string,
  byUserId: string | null,
  real: Clock = systemClock,
  worldId: string = DEMO_WORLD,
): Promise<{ from: Date; to: Date }> {
  const realNow = real.now();
  const offset = await readOffsetMs(db, worldId);
  const from = new Date(realNow.getTime() + offset);
  if (to.getTime() <= from.getTime()) return { from, to: from };
  const aheadMs = BigInt(offset + (to.getTime() - from.getTime()));
  await db.$transaction([
    db.world.update({ where: { id: worldId }, data: { aheadMs, clockUpdatedAt: realNow } }),
    db.clockJump.create({ data: { worldId, fromAt: from, toAt: to, byUserId, reason, realAt: realNow } }),
  ]);
  return { from, to };
}

/** Back to real time (only a world's reset does this: it also rebuilds the world). */
export async function resetClock(db: Db, real: Clock = systemClock, worldId: string = DEMO_WORLD): Promise<void> {
  await db.world.update({ where: { id: worldId }, data: { aheadMs: BigInt(0), clockUpdatedAt: real.now() } });
}

/** Every world's clock offset, for the sweep. */
export async function worldClocks(db: Db): Promise<{ worldId: string; offsetMs: number }[]> {
  return (await db.world.findMany({ select: { id: true, aheadMs: true }, orderBy: { id: "asc" } })).map((w) => ({ worldId: w.id, offsetMs: Number(w.aheadMs) }));
}
