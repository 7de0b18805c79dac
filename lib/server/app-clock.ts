import "server-only";
import { cache } from "react";
import { systemClock } from "@/lib/clock";
import { currentUser } from "./auth/session";
import { DEMO_WORLD } from "./auth/session-user";
import { readDb } from "./db";
import { appTime } from "./timers/sim-clock";

/**
 * The app's time now, in the signed-in person's world (the demo world's otherwise): real time plus
 * its clock's offset. Every page and action asks this; a page's layout and body share one reading
 * per request (React's `cache`), so both show the same instant and the offset is read once.
 */
export const appNow = cache(async (): Promise<Date> => {
  const user = await currentUser();
  return appTime(readDb, systemClock, user?.worldId ?? DEMO_WORLD);
});
