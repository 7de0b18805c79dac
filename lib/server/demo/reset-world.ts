/**
 * "Reset demo world": empties every table, puts the clock back to real time and seeds the demo world
 * again. The append-only triggers are lifted only inside the transaction that empties the tables.
 */
import { rm } from "node:fs/promises";
import { appendOnlyTriggers } from "../append-only";
import { uploadsDir } from "../evidence/uploads";
import type { Db } from "../prisma";
import { resetClock } from "../timers/sim-clock";
import { seedDemoWorld } from "./seed-world";

// Children before parents (foreign keys).
const TABLES = [
  "Notification",
  "IdempotencyKey",
  "Evidence",
  "ChatMessage",
  "Payment",
  "DisputeStatement",
  "Dispute",
  "ReturnCase",
  "CancelRequest",
  "Deadline",
  "Refund",
  "LedgerEntry",
  "OrderEvent",
  "OrderItem",
  "Order",
  "Product",
  "User",
  "Shop",
  "ClockJump",
];

export async function resetWorld(db: Db, realNow: Date): Promise<void> {
  const triggers = appendOnlyTriggers();
  await db.$transaction(async (tx) => {
    for (const trigger of triggers) await tx.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "${trigger.name}"`);
    for (const table of TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
    for (const trigger of triggers) await tx.$executeRawUnsafe(trigger.create);
  });
  await rm(/*turbopackIgnore: true*/ uploadsDir(), { recursive: true, force: true });
  await resetClock(db);
  await seedDemoWorld(db, realNow);
}
