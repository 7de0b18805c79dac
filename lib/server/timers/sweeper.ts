/**
 * Runs the sweeper on a real interval while the server runs: one sweep at a time in this process,
 * stopped cleanly on shutdown.
 */
import type { Db } from "../prisma";
import { systemClock } from "@/lib/clock";
import { worldClocks } from "./sim-clock";
import { sweepDueDeadlines, type SweepResult } from "./sweep";

let running: Promise<SweepResult> | null = null;

/**
 * One sweep of every world, each at its own clock's time (a seek on its due deadlines); a sweep
 * already running is joined, not doubled.
 */
export function sweepNow(db: Db): Promise<SweepResult> {
  running ??= (async () => {
    try {
      const total: SweepResult = { applied: 0, conflicts: 0, stale: 0 };
      const real = systemClock.now().getTime();
      for (const { worldId, offsetMs } of await worldClocks(db)) {
        const swept = await sweepDueDeadlines(db, new Date(real + offsetMs), { worldId });
        total.applied += swept.applied;
        total.conflicts += swept.conflicts;
        total.stale += swept.stale;
      }
      return total;
    } finally {
      running = null;
    }
  })();
  return running;
}

export function startSweeper(db: Db, everyMs: number): () => void {
  const timer = setInterval(() => {
    sweepNow(db).catch((error: unknown) => console.error("Timer sweep failed:", error));
  }, everyMs);
  timer.unref();
  const stop = () => clearInterval(timer);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  return stop;
}
