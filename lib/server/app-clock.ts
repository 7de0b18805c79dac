import "server-only";
import { systemClock } from "@/lib/clock";
import { currentUser } from "./auth/session";
import { DEMO_WORLD } from "./auth/session-user";
import { readDb } from "./db";
import { appTime } from "./timers/sim-clock";

/** The app's time now, in the signed-in person's world (the demo world's otherwise): real time plus its clock's offset. Every page and action asks this. */
export async function appNow(): Promise<Date> {
  const user = await currentUser();
  return appTime(readDb, systemClock, user?.worldId ?? DEMO_WORLD);
}
