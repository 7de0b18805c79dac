/**
 * "Reset demo world", atomically (docs/decisions/013): the new world is built in a scratch database
 * with the same schema, then swapped in with one SQLite transaction on the writer — every table
 * emptied and refilled from the scratch copy, the clock back to real time. Whatever else runs (the
 * sweep, people's commands, a clock jump) waits in the writer's queue and sees either the old world
 * or the new one; if the process dies during the swap, SQLite rolls it back and the old world is
 * intact; if it dies while the scratch world is being built, the live database was never touched.
 */
import { m } from "@/lib/i18n/message";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { appendOnlyTriggers } from "../append-only";
import { uploadsDir } from "../evidence/uploads";
import { databaseFile, withWriter, type Db } from "../prisma";
import { storedDate } from "../sqlite/sql-tx";
import { AppError } from "@/lib/errors";
import { worldScopedId, type WorldTemplate } from "@/lib/worlds";
import { DEMO_WORLD } from "../auth/session-user";
import { orderCopyStatements, worldEntityStatements, type CopyNames } from "./clone-orders";
import { buildScratchWorld } from "./world-builder";

// Children before parents (foreign keys): emptied in this order, filled in the reverse.
export const WORLD_TABLES = [
  // Scenario runs point at the world's orders: a reset or a delete takes them with the orders.
  "ScenarioRun",
  "Notification",
  "ConversationRead",
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
  // Before Shop: which quick replies are the world's is read from its shops.
  "QuickReply",
  // Before User: which addresses are the world's is read from its people.
  "Address",
  "User",
  "Shop",
  "ClockJump",
  "RationaleTemplate",
] as const;

const SCRATCH = ".reset-";

const ORDERS = `SELECT "id" FROM main."Order" WHERE "worldId" = :world`;

/** How each table's rows of one world are found: directly, or through their order, shop, person or dispute. */
const OF_WORLD: Record<(typeof WORLD_TABLES)[number], string> = {
  ScenarioRun: `"worldId" = :world`,
  Notification: `"orderId" IN (${ORDERS}) OR "userId" IN (SELECT "id" FROM main."User" WHERE "worldId" = :world) OR "shopId" IN (SELECT "id" FROM main."Shop" WHERE "worldId" = :world)`,
  ConversationRead: `"orderId" IN (${ORDERS})`,
  IdempotencyKey: `"orderId" IN (${ORDERS})`,
  Evidence: `"orderId" IN (${ORDERS})`,
  ChatMessage: `"orderId" IN (${ORDERS})`,
  Payment: `"orderId" IN (${ORDERS})`,
  DisputeStatement: `"disputeId" IN (SELECT "id" FROM main."Dispute" WHERE "orderId" IN (${ORDERS}))`,
  Dispute: `"orderId" IN (${ORDERS})`,
  ReturnCase: `"orderId" IN (${ORDERS})`,
  CancelRequest: `"orderId" IN (${ORDERS})`,
  Deadline: `"worldId" = :world`,
  Refund: `"orderId" IN (${ORDERS})`,
  // Orders' postings, and the order-less ones of the world's buyers' wallets (top-ups).
  LedgerEntry: `"orderId" IN (${ORDERS}) OR ("orderId" IS NULL AND ("account" IN (SELECT 'wallet:' || "id" FROM main."User" WHERE "worldId" = :world) OR "account" IN (SELECT 'buyer:' || "id" FROM main."User" WHERE "worldId" = :world)))`,
  OrderEvent: `"orderId" IN (${ORDERS})`,
  OrderItem: `"orderId" IN (${ORDERS})`,
  Order: `"worldId" = :world`,
  Product: `"shopId" IN (SELECT "id" FROM main."Shop" WHERE "worldId" = :world)`,
  User: `"worldId" = :world`,
  Shop: `"worldId" = :world`,
  ClockJump: `"worldId" = :world`,
  RationaleTemplate: `"worldId" = :world`,
  QuickReply: `"shopId" IN (SELECT "id" FROM main."Shop" WHERE "worldId" = :world)`,
  Address: `"userId" IN (SELECT "id" FROM main."User" WHERE "worldId" = :world)`,
};

/** Scratch databases a reset left behind when its process died (never part of the live world). */
export function removeScratchWorlds(liveFile: string): void {
  const dir = dirname(liveFile);
  const prefix = `${basename(liveFile)}${SCRATCH}`;
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.startsWith(prefix)) rmSync(join(dir, name), { force: true });
}

/** A new, empty database with the live one's schema (tables, indexes, triggers). */
function scratchDatabase(liveFile: string): string {
  const file = `${liveFile}${SCRATCH}${randomUUID()}.db`;
  const live = new Database(liveFile, { readonly: true, fileMustExist: true });
  const scratch = new Database(file);
  try {
    const schema = live.prepare(`SELECT "sql" FROM "sqlite_master" WHERE "sql" IS NOT NULL AND "name" NOT LIKE 'sqlite_%' ORDER BY CASE "type" WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END`).all() as { sql: string }[];
    scratch.pragma("journal_mode = WAL");
    scratch.exec(schema.map((row) => `${row.sql};`).join("\n"));
  } finally {
    live.close();
    scratch.close();
  }
  return file;
}

/**
 * Rebuilds one world (the demo world when none is named) from its template, atomically: the seeded
 * world is built in a scratch database, then one transaction deletes the world's rows and copies the
 * new ones in (a private world's ids prefixed with its own, `<worldId>_`: `worldScopedId`), with its clock back to
 * real time. `inside` runs in that same transaction (creating a world adds its row and owner there).
 */
export async function resetWorld(
  db: Db,
  realNow: Date,
  worldId: string = DEMO_WORLD,
  options: { template?: WorldTemplate; inside?: (handle: Database.Database) => void } = {},
): Promise<void> {
  const liveFile = databaseFile(db);
  // Scratch files of a process that died are removed at start (instrumentation.ts), never here:
  // another world may be building in its own scratch file right now (issue 26: three worlds created
  // at once used to delete each other's).
  const file = scratchDatabase(liveFile);
  try {
    // 1. The new world, built through the same rules and services as always, where nobody can see it,
    //    in the builder process (world-builder.ts): ~1 s of CPU that would otherwise hold up every other request.
    await buildScratchWorld(file, options.template ?? "DEMO_COPY", realNow);
    // 2. One transaction swaps it in; the uploads the old world alone referred to go afterwards.
    await withWriter(db, (handle) => {
      handle.prepare("ATTACH DATABASE ? AS \"fresh\"").run(file);
      try {
        const copy = copyStatements(handle, worldId);
        withoutAppendOnlyTriggers(handle, () => {
          options.inside?.(handle);
          // A world deleted meanwhile (expired, or by its owner) is not brought back as rows without a world.
          if (!handle.prepare(`SELECT 1 FROM main."World" WHERE "id" = ?`).get(worldId)) throw new AppError("NOT_FOUND", m("errors.noWorld"));
          // Only this world's rows: other worlds on the same server are left as they are.
          deleteWorldRows(handle, worldId);
          for (const sql of copy) handle.exec(sql);
          handle.prepare(`UPDATE main."World" SET "aheadMs" = 0, "clockUpdatedAt" = ? WHERE "id" = ?`).run(storedDate(realNow), worldId);
        });
      } finally {
        handle.exec(`DETACH DATABASE "fresh"`);
      }
      removeUnreferencedUploads(handle);
    });
  } finally {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  }
}

/** Deletes a world: its rows, its members, the world itself, and the uploads only it referred to. */
export async function deleteWorld(db: Db, worldId: string): Promise<void> {
  if (worldId === DEMO_WORLD) throw new Error("The demo world is never deleted.");
  await withWriter(db, (handle) => {
    withoutAppendOnlyTriggers(handle, () => {
      // Its people's sessions end with it (a reset keeps them: the people come back with the same ids).
      handle.prepare(`DELETE FROM "Session" WHERE "userId" IN (SELECT "id" FROM "User" WHERE "worldId" = ?)`).run(worldId);
      deleteWorldRows(handle, worldId);
      // Its developer apps and their tokens (a reset keeps them: an integration keeps working across resets).
      handle.prepare(`DELETE FROM "ApiCredential" WHERE "appId" IN (SELECT "id" FROM "ApiApp" WHERE "worldId" = ?)`).run(worldId);
      handle.prepare(`DELETE FROM "ApiApp" WHERE "worldId" = ?`).run(worldId);
      handle.prepare(`DELETE FROM "WorldMember" WHERE "worldId" = ?`).run(worldId);
      handle.prepare(`DELETE FROM "World" WHERE "id" = ?`).run(worldId);
    });
    removeUnreferencedUploads(handle);
  });
}

/** One immediate transaction in which the append-only tables may be emptied (their triggers are back before it commits). */
function withoutAppendOnlyTriggers(handle: Database.Database, body: () => void): void {
  const triggers = appendOnlyTriggers();
  handle.transaction(() => {
    for (const trigger of triggers) handle.exec(`DROP TRIGGER IF EXISTS "${trigger.name}"`);
    body();
    for (const trigger of triggers) handle.exec(trigger.create);
  }).immediate();
}

function deleteWorldRows(handle: Database.Database, worldId: string): void {
  for (const table of WORLD_TABLES) handle.prepare(`DELETE FROM main."${table}" WHERE ${OF_WORLD[table]}`).run({ world: worldId });
}

/** The demo world is copied as seeded; a private world's copy has its ids prefixed with the world's. */
function copyStatements(handle: Database.Database, worldId: string): string[] {
  if (worldId === DEMO_WORLD) return [...WORLD_TABLES].reverse().map((table) => `INSERT INTO main."${table}" SELECT * FROM "fresh"."${table}"`);
  if (!/^[a-z0-9]+$/.test(worldId)) throw new Error(`Unexpected world id ${worldId}.`);
  const prefix = `'${worldScopedId(worldId, "")}'`;
  const names: CopyNames = { order: prefix, world: `'${worldId}'`, worldPrefix: prefix };
  return [
    ...worldEntityStatements(handle, { source: "fresh", names, sourceWorld: DEMO_WORLD }),
    ...orderCopyStatements(handle, { source: "fresh", names, asWorld: true, code: `t."code"` }),
  ];
}

/** Evidence files no row refers to any more (run while the writer is held, so no command is storing one). */
function removeUnreferencedUploads(handle: Database.Database): void {
  const dir = uploadsDir();
  if (!existsSync(dir)) return;
  const kept = new Set((handle.prepare(`SELECT DISTINCT "sha256" FROM "Evidence"`).all() as { sha256: string }[]).map((row) => row.sha256));
  for (const name of readdirSync(dir)) if (/^[0-9a-f]{64}$/.test(name) && !kept.has(name)) unlinkSync(join(dir, name));
}
