import "server-only";
import { cache } from "react";
import { systemClock } from "@/lib/clock";
import { currentWorld } from "./worlds/current-world";

/**
 * The app's time now, in this request's world (lib/server/worlds/current-world.ts): real time plus
 * its clock's offset, which came with the world. Every page and action asks this; a page's layout
 * and body share one reading per request (React's `cache`), so both show the same instant.
 */
export const appNow = cache(async (): Promise<Date> => new Date(systemClock.now().getTime() + (await currentWorld()).aheadMs));
