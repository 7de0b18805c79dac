import { describe, expect, it } from "vitest";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { db } from "@/lib/server/db";
import { writeTransaction } from "@/lib/server/prisma";
import { loadOrder } from "@/lib/server/orders/load-order";
import { orderStateSelect, toOrderState } from "@/lib/server/orders/order-state";

const now = new Date("2026-11-26T12:00:00Z");

describe("the command path's SQL load", () => {
  it("reads the same state as the page's Prisma load, for every order of the demo world", async () => {
    expect(await seedDemoWorld(db, now)).toBe(true);
    const rows = await db.order.findMany({ select: { ...orderStateSelect, updatedAt: true }, orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThanOrEqual(80);
    // The world has orders with cases, disputes with statements, refunds and cancel requests to compare.
    expect(rows.some((row) => row.disputes.some((dispute) => dispute.statements.length > 0))).toBe(true);
    expect(rows.some((row) => row.returnCases.length > 0 && row.refunds.length > 0)).toBe(true);
    expect(rows.some((row) => row.cancelRequest !== null && row.deadlines.length > 0)).toBe(true);
    const loaded = await writeTransaction(db, (sql) => rows.map((row) => loadOrder(sql, row.id, {})));
    rows.forEach((row, index) => {
      const mine = loaded[index]!;
      expect(toOrderState(mine)).toEqual(toOrderState(row));
      expect(mine.updatedAt).toEqual(row.updatedAt);
      expect(mine.version).toBe(row.version);
    });
  });

  it("finds an order only within the actor's scope", async () => {
    const order = await db.order.findFirstOrThrow({ select: { id: true, buyerId: true, shopId: true } });
    const found = await writeTransaction(db, (sql) => ({
      own: loadOrder(sql, order.id, { buyerId: order.buyerId })?.id,
      otherBuyer: loadOrder(sql, order.id, { buyerId: "someone-else" }),
      shop: loadOrder(sql, order.id, { shopId: order.shopId })?.id,
      otherShop: loadOrder(sql, order.id, { shopId: "another-shop" }),
      missing: loadOrder(sql, "no-such-order", {}),
    }));
    expect(found).toEqual({ own: order.id, otherBuyer: null, shop: order.id, otherShop: null, missing: null });
  });
});
