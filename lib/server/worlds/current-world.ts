import "server-only";
import { cache } from "react";
import { systemClock } from "@/lib/clock";
import { chosenWorldId, currentUser, currentVisitorId } from "../auth/session";
import { DEMO_WORLD } from "../auth/session-user";
import { db } from "../db";
import { readSql } from "../sqlite/read-sql";
import { readWorldView, touchWorld, type WorldView } from "./world-access";

/**
 * The world this request is in: the signed-in persona's, else the one this visitor chose on the
 * persona page (a private world only while they are its member), else the demo world. Read once per
 * request; using a private world keeps it from expiring.
 */
export const currentWorld = cache(async (): Promise<WorldView> => {
  const user = await currentUser();
  const visitorId = await currentVisitorId();
  const wanted = user ? (user.worldId ?? DEMO_WORLD) : await chosenWorldId();
  const world = readSql((sql) => readWorldView(sql, wanted, visitorId) ?? readWorldView(sql, DEMO_WORLD, visitorId));
  if (!world) throw new Error("The demo world is missing: run the migrations.");
  await touchWorld(db, world, systemClock.now());
  return world;
});
