import { systemClock, type Clock } from "@/lib/clock";

/**
 * The clock the app runs on. Today it is the real time; the simulator's controllable clock
 * (fast-forward) will be returned from here, and nothing that asks for it changes.
 */
export function appClock(): Clock {
  return systemClock;
}
