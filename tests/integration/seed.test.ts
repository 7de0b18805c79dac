import { inEnglish } from "../support/order-state";
import { describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { db } from "@/lib/server/db";
import { orderMoney } from "@/lib/server/ledger";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { listOrders } from "@/lib/server/orders/list-orders";

const now = new Date("2026-11-26T12:00:00Z");

describe("the demo world", () => {
  it("seeds an empty database in well under 10 seconds", async () => {
    const started = performance.now();
    expect(await seedDemoWorld(db, now)).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("has the people and products: 4 shops (US, global, with an auto-approve window), 6 buyers, 2 support agents, 40 products", async () => {
    const shops = await db.shop.findMany();
    expect(shops.length).toBeGreaterThanOrEqual(3);
    expect(shops.filter((s) => s.policyProfile === "US").length).toBeGreaterThanOrEqual(2);
    expect(shops.some((s) => s.policyProfile === "GLOBAL")).toBe(true);
    expect(shops.some((s) => s.autoApproveWindow !== "OFF")).toBe(true);
    expect(shops.every((s) => s.returnAddress.length > 10)).toBe(true);
    const roles = await db.user.groupBy({ by: ["role"], _count: true });
    expect(inEnglish(Object.fromEntries(roles.map((r) => [r.role, r._count])))).toMatchObject({ BUYER: 6, SUPPORT: 2 });
    expect(await db.product.count()).toBe(40);
  });

  it("has 80+ orders in every status", async () => {
    expect(await db.order.count()).toBeGreaterThanOrEqual(80);
    const statuses = new Set((await db.order.findMany({ select: { status: true } })).map((o) => o.status));
    expect(inEnglish(statuses)).toEqual(new Set(["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"]));
    // Fresh ON_HOLD orders are still inside their cancellation window.
    const onHold = await db.order.findMany({ where: { status: "ON_HOLD" } });
    expect(onHold.length).toBeGreaterThanOrEqual(2);
    for (const order of onHold) expect(order.remorseEndsAt!.getTime()).toBeGreaterThan(now.getTime());
  });

  it("shows every situation: each waiting on someone, with its deadline still ahead", async () => {
    const pending = await db.cancelRequest.findFirstOrThrow({ where: { status: "PENDING", respondBy: { not: null } }, orderBy: { respondBy: "asc" } });
    expect(pending.respondBy!.getTime() - now.getTime()).toBe(3 * 3_600_000);
    expect(await db.cancelRequest.count({ where: { status: "REJECTED" } })).toBeGreaterThanOrEqual(1);
    for (const status of ["PARCEL_RETURNING", "AWAITING_SHIPBACK", "AWAITING_INSPECTION", "OFFERED", "ESCALATED"]) {
      expect(await db.returnCase.count({ where: { status } }), status).toBeGreaterThanOrEqual(1);
    }
    const open = await db.dispute.findFirstOrThrow({ where: { status: "OPEN", subject: "CASE" } });
    const owners = await db.evidence.findMany({ where: { disputeId: open.id }, select: { ownerRole: true } });
    expect(inEnglish(new Set(owners.map((e) => e.ownerRole)))).toEqual(new Set(["BUYER", "SELLER"]));
    expect(await db.dispute.count({ where: { status: "APPEALED" } })).toBe(1);
    expect(await db.refund.count({ where: { status: "DELAYED" } })).toBeGreaterThanOrEqual(1);
    const completed = await db.order.findFirstOrThrow({ where: { status: "COMPLETED", ledgerEntries: { some: { kind: "SETTLEMENT" } } } });
    expect((await orderMoney(db, completed.id)).settledMinor).toBe(completed.totalMinor);
  });

  it("passes db:check: the books, the refunds and every order's replayed history", async () => {
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  });

  it("never wipes or duplicates existing data when run again", async () => {
    const before = await db.order.count();
    expect(await seedDemoWorld(db, new Date(now.getTime() + 86_400_000))).toBe(false);
    expect(await db.order.count()).toBe(before);
  });

  it("lets support find the disputes to decide and a seller the requests waiting for her, naming what is open in each row", async () => {
    const sam: SessionUser = { id: "support-sam", role: "SUPPORT", name: "Sam Rivera", shopId: null, shopName: null };
    const maya: SessionUser = { id: "seller-maya", role: "SELLER", name: "Maya Patel", shopId: "shop-maple", shopName: "Maple & Moss Home" };

    const disputes = await listOrders(sam, { open: "DISPUTE" });
    const withDispute = await db.order.findMany({ where: { disputes: { some: { status: { in: ["OPEN", "APPEALED"] } } } }, select: { id: true } });
    expect(withDispute.length).toBeGreaterThanOrEqual(2);
    expect(inEnglish(new Set(disputes.rows.map((row) => row.id)))).toEqual(new Set(withDispute.map((order) => order.id)));
    expect(inEnglish(disputes.rows.map((row) => row.openWork))).toEqual(
      expect.arrayContaining(["Dispute: Open: waiting for platform support", "Dispute: Appealed by the seller: waiting for another agent"]),
    );

    for (const row of disputes.rows) expect(row.supportTarget).toBeInstanceOf(Date);

    const waiting = await listOrders(maya, { open: "CANCEL_REQUEST" });
    expect(waiting.total).toBe(await db.order.count({ where: { shopId: "shop-maple", cancelRequest: { is: { status: "PENDING" } } } }));
    expect(waiting.total).toBeGreaterThanOrEqual(1);
    for (const row of waiting.rows) expect(inEnglish(row.openWork)).toBe("Cancel request: Waiting for the seller");

    const cases = await listOrders(maya, { open: "CASE", status: "DELIVERED" });
    expect(cases.total).toBeGreaterThanOrEqual(1);
    for (const row of cases.rows) expect(inEnglish(row)).toMatchObject({ status: "DELIVERED", openWork: expect.stringMatching(/^(Refund only|Return and refund|Dispute|Refused parcel)/) });

    // A completed order is settled, but an appeal of its dispute can still be open, or (US Buyer Protection) a claim for a damaged item; the rest show nothing.
    const completed = await listOrders(sam, { status: "COMPLETED" });
    expect(inEnglish(completed.rows.filter((row) => row.openWork !== null).map((row) => row.openWork).sort())).toEqual(["Dispute: Appealed by the seller: waiting for another agent", "Return and refund: Waiting for the seller's review"]);
    expect(completed.rows.length).toBeGreaterThan(1);
    // An unknown filter value is ignored rather than matching nothing.
    expect((await listOrders(sam, { open: "EVERYTHING" })).total).toBe(await db.order.count());
  });

  it("the audit trail and the ledger are append-only", async () => {
    const event = await db.orderEvent.findFirstOrThrow();
    await expect(db.orderEvent.update({ where: { id: event.id }, data: { summary: "edited" } })).rejects.toThrow(/append-only/);
    const entry = await db.ledgerEntry.findFirstOrThrow();
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
  });
});
