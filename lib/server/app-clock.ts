import "server-only";
import { cache } from "react";
import { systemClock } from "@/lib/clock";
import { readDb } from "./db";
import { appTime } from "./timers/sim-clock";
import { currentWorld } from "./worlds/current-world";

/**
 * The app's time now, in this request's world (lib/server/worlds/current-world.ts): real time plus
 * its clock's offset. Every page and action asks this; a page's layout and body share one reading
 * per request (React's `cache`), so both show the same instant and the offset is read once.
 */
export const appNow = cache(async (): Promise<Date> => {
  return appTime(readDb, systemClock, (await currentWorld()).id);
});
