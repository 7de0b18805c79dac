/**
 * Runs the sweeper on a real interval while the server runs: one sweep at a time in this process,
 * stopped cleanly on shutdown.
 */
import type { Db } from "../prisma";
import { appTime } from "./sim-clock";
import { sweepDueDeadlines, type SweepResult } from "./sweep";

let running: Promise<SweepResult> | null = null;

/** One sweep at the app's current time; a sweep already running is joined, not doubled. */
export function sweepNow(db: Db): Promise<SweepResult> {
  running ??= (async () => {
    try {
      return await sweepDueDeadlines(db, await appTime(db));
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
