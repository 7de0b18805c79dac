import "server-only";
import { systemClock } from "@/lib/clock";
import { db } from "../db";
import { resetWorld } from "../demo/reset-world";

/** Restores the seeded demo world and real time. */
export async function resetDemoWorld(): Promise<void> {
  await resetWorld(db, systemClock.now());
}
