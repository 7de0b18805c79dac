/**
 * Issue 26: private worlds copied before the fix had ids "<world>:<seed id>", which pages received
 * still percent-encoded, so none of their orders opened. New copies are "<world>_<seed id>"; the
 * migration 20261204160000_url_safe_world_ids brings old worlds along. This test makes a world as it
 * used to be (every copied id with the colon), applies the migration, and expects exactly the rows a
 * copy makes today — and an order page that opens.
 */
import { inEnglish } from "../support/order-state";
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { createWorld } from "@/lib/server/worlds/create-world";
import { worldScopedId } from "@/lib/worlds";

const MIGRATION = resolve(import.meta.dirname, "../../prisma/migrations/20261204160000_url_safe_world_ids/migration.sql");
const file = process.env.DATABASE_URL!.replace(/^file:/, "");
let world = "";

/** Every row of every table, as text, in storage order. */
function dump(handle: Database.Database): string {
  const tables = (handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  return tables.map((table) => `${table}\n${JSON.stringify(handle.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().all())}`).join("\n");
}

/** Columns added after the fix: a later migration (request_shop) fills them from the orders, already rewritten by then. */
const COLUMNS_AFTER_THE_FIX = new Set(["CancelRequest.shopId", "ReturnCase.shopId"]);

/** Rewrites every text value the way copies were named before the fix ("<world>_" → "<world>:"). */
function asBeforeTheFix(handle: Database.Database, worldId: string): void {
  const triggers = handle.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string; sql: string }[];
  handle.pragma("foreign_keys = OFF");
  handle.transaction(() => {
    for (const trigger of triggers) handle.exec(`DROP TRIGGER "${trigger.name}"`);
    // Tables made after the fix (Address, issue 29) never held the old ids.
    const tables = (handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' AND name NOT IN ('World', 'Address')`).all() as { name: string }[]).map((t) => t.name);
    for (const table of tables) {
      for (const { name } of handle.prepare(`SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'`).all(table) as { name: string }[]) {
        if (COLUMNS_AFTER_THE_FIX.has(`${table}.${name}`)) continue;
        handle.prepare(`UPDATE "${table}" SET "${name}" = replace("${name}", ?, ?) WHERE instr("${name}", ?) > 0`).run(`${worldId}_`, `${worldId}:`, `${worldId}_`);
      }
    }
    for (const trigger of triggers) handle.exec(trigger.sql);
  })();
  handle.pragma("foreign_keys = ON");
}

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  const created = await createWorld(db, { visitorId: "visitor-owner", name: "Before the fix", ownerName: "Dana", template: "DEMO_COPY" }, new Date());
  if (!created.ok) throw new Error(created.error.message.key);
  world = created.value.worldId;
}, 120_000);

describe("a private world copied before ids were URL-safe", () => {
  it("is rewritten by the migration to exactly what a copy makes today, and its orders open", async () => {
    const handle = new Database(file);
    try {
      const today = dump(handle);
      asBeforeTheFix(handle, world);
      const old = handle.prepare(`SELECT id FROM "Order" WHERE "worldId" = ? LIMIT 1`).get(world) as { id: string };
      expect(old.id.startsWith(`${world}:`)).toBe(true);
      expect(dump(handle)).not.toBe(today);

      handle.exec(readFileSync(MIGRATION, "utf8"));
      expect(dump(handle)).toBe(today);
      // Run again: nothing left to rewrite.
      handle.exec(readFileSync(MIGRATION, "utf8"));
      expect(dump(handle)).toBe(today);
      expect(inEnglish(handle.pragma("foreign_key_check"))).toEqual([]);
      // The append-only triggers are back.
      expect(() => handle.prepare(`UPDATE "OrderEvent" SET "summary" = 'x' WHERE rowid = (SELECT min(rowid) FROM "OrderEvent")`).run()).toThrow(/append-only/);
    } finally {
      handle.close();
    }

    const orders = await db.order.findMany({ where: { worldId: world }, select: { id: true, buyerId: true } });
    expect(orders.every((o) => /^w[0-9a-f]+_[A-Za-z0-9_-]+$/.test(o.id) && encodeURIComponent(o.id) === o.id)).toBe(true);
    expect(inEnglish(await checkOrders(db, orders.map((o) => o.id)))).toEqual([]);
    const ava = await db.user.findUniqueOrThrow({ where: { id: worldScopedId(world, "buyer-ava") } });
    const avas = orders.find((o) => o.buyerId === ava.id)!;
    const detail = await getOrderDetail({ id: ava.id, worldId: world, visitorId: "visitor-owner", role: "BUYER", name: ava.name, shopId: null, shopName: null }, avas.id, new Date());
    expect(detail?.id).toBe(avas.id);
  }, 60_000);
});
