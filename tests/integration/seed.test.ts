import { describe, expect, it } from "vitest";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { db } from "@/lib/server/db";
import { orderMoney } from "@/lib/server/ledger";

const now = new Date("2026-11-26T12:00:00Z");

describe("the demo world", () => {
  it("seeds an empty database with shops, personas, products and orders in several statuses", async () => {
    expect(await seedDemoWorld(db, now)).toBe(true);
    expect(await db.shop.count()).toBeGreaterThanOrEqual(2);
    const roles = await db.user.groupBy({ by: ["role"], _count: true });
    expect(Object.fromEntries(roles.map((r) => [r.role, r._count]))).toMatchObject({ BUYER: 3, SUPPORT: 1 });
    const statuses = new Set((await db.order.findMany({ select: { status: true } })).map((o) => o.status));
    expect(statuses).toEqual(new Set(["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"]));
    // The ON_HOLD orders were paid minutes ago, so they are still in their cancellation window.
    const onHold = await db.order.findMany({ where: { status: "ON_HOLD" } });
    expect(onHold.length).toBeGreaterThanOrEqual(2);
    for (const order of onHold) expect(order.remorseEndsAt!.getTime()).toBeGreaterThan(now.getTime());
  });

  it("keeps the books straight for every order: paid = refunded + settled + held, escrow never negative", async () => {
    const entries = await db.ledgerEntry.groupBy({ by: ["transactionId"], _sum: { amountMinor: true } });
    for (const entry of entries) expect(entry._sum.amountMinor).toBe(0);
    for (const order of await db.order.findMany()) {
      const money = await orderMoney(db, order.id);
      expect(money.paidMinor).toBe(money.refundedMinor + money.settledMinor + money.heldMinor);
      expect(money.heldMinor).toBeGreaterThanOrEqual(0);
      if (order.paidAt) expect(money.paidMinor).toBe(order.totalMinor);
    }
  });

  it("never wipes or duplicates existing data when run again", async () => {
    const before = await db.order.count();
    expect(await seedDemoWorld(db, new Date(now.getTime() + 86_400_000))).toBe(false);
    expect(await db.order.count()).toBe(before);
  });

  it("the audit trail is append-only", async () => {
    const event = await db.orderEvent.findFirstOrThrow();
    await expect(db.orderEvent.update({ where: { id: event.id }, data: { summary: "edited" } })).rejects.toThrow(/append-only/);
    const entry = await db.ledgerEntry.findFirstOrThrow();
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
