/**
 * The simulator's clock: app time = real time + an offset kept in the database, which only grows.
 * Every move is recorded. Domain code never reads it directly: servers and scripts pass `now` in.
 */
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "../prisma";

export async function readOffsetMs(db: Db): Promise<number> {
  const row = await db.simClock.findUnique({ where: { id: 1 } });
  return row ? Number(row.aheadMs) : 0;
}

/** The app's time now. */
export async function appTime(db: Db, real: Clock = systemClock): Promise<Date> {
  return new Date(real.now().getTime() + (await readOffsetMs(db)));
}

/** Moves the app clock forward to `to` (never back) and records the jump. Returns where it moved from and to. */
export async function advanceClock(db: Db, to: Date, reason: string, byUserId: string | null, real: Clock = systemClock): Promise<{ from: Date; to: Date }> {
  const realNow = real.now();
  const offset = await readOffsetMs(db);
  const from = new Date(realNow.getTime() + offset);
  if (to.getTime() <= from.getTime()) return { from, to: from };
  const aheadMs = BigInt(offset + (to.getTime() - from.getTime()));
  await db.$transaction([
    db.simClock.upsert({ where: { id: 1 }, create: { id: 1, aheadMs, updatedAt: realNow }, update: { aheadMs, updatedAt: realNow } }),
    db.clockJump.create({ data: { fromAt: from, toAt: to, byUserId, reason, realAt: realNow } }),
  ]);
  return { from, to };
}

/** Back to real time (only the demo reset does this: it also rebuilds the world). */
export async function resetClock(db: Db, real: Clock = systemClock): Promise<void> {
  await db.simClock.upsert({ where: { id: 1 }, create: { id: 1, aheadMs: BigInt(0), updatedAt: real.now() }, update: { aheadMs: BigInt(0), updatedAt: real.now() } });
}
