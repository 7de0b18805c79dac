import "server-only";
import { readDb } from "./db";
import { appTime } from "./timers/sim-clock";

/** The app's time now: real time plus the simulator's offset. Every page and action asks this. */
export function appNow(): Promise<Date> {
  return appTime(readDb);
}
