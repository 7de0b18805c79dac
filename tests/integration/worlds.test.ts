/**
 * Worlds in the data layer (issue 14, step 2): every order, shop, persona and deadline belongs to a
 * world, and a person's scope always includes theirs. Two worlds with the same personas' names: no
 * list, lookup, command, evidence or next deadline crosses; the platform's timers serve every world.
 */
import { inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { buildOrder } from "@/lib/server/demo/build-order";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { listOrders } from "@/lib/server/orders/list-orders";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { nextDeadline, sweepDueDeadlines } from "@/lib/server/timers/sweep";
import { sweepNow } from "@/lib/server/timers/sweeper";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { resetWorld } from "@/lib/server/demo/reset-world";
import { advanceClock, appTime, readOffsetMs } from "@/lib/server/timers/sim-clock";
import { orderScope } from "@/lib/server/auth/session-user";
import { T0, buyerAva, createOrder, createWorld, sellerUs, supportAgent } from "../support/world";

// The same cast in a second world: the same names, their own ids.
const W2 = "w2";
const ava2: SessionUser = { ...buyerAva, id: "w2_t-buyer-ava", worldId: W2 };
const seller2: SessionUser = { ...sellerUs, id: "w2_t-seller-us", shopId: "w2_t-shop-us", worldId: W2 };
const support2: SessionUser = { ...supportAgent, id: "w2_t-support", worldId: W2 };

let demoOrder = "";
let otherOrder = "";

beforeAll(async () => {
  await createWorld(db);
  await db.world.create({ data: { id: W2, name: "Training room 2", kind: "PRIVATE", createdAt: T0, lastActiveAt: T0 } });
  await db.product.updateMany({ data: { stock: 1000 } });
  await db.shop.create({ data: { id: "w2_t-shop-us", worldId: W2, name: "US Test Shop", policyProfile: "US", createdAt: T0 } });
  await db.user.createMany({
    data: [ava2, seller2, support2].map((user) => ({ id: user.id, worldId: W2, role: user.role, name: user.name, shopId: user.shopId, blurb: "test persona", createdAt: T0 })),
  });
  await db.product.create({ data: { id: "w2_t-prod-lamp", shopId: "w2_t-shop-us", title: "Desk lamp", priceMinor: 3500, stock: 10 } });
  demoOrder = (await createOrder(db, { status: "AWAITING_SHIPMENT" })).id;
  otherOrder = (
    await buildOrder(db, { buyerId: ava2.id, shopId: "w2_t-shop-us", items: [{ productId: "w2_t-prod-lamp", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "AWAITING_SHIPMENT", placedAt: T0 })
  ).id;
});

describe("two worlds on one server", () => {
  it("an order and its deadlines belong to its shop's world", async () => {
    expect(inEnglish(await db.order.findUniqueOrThrow({ where: { id: otherOrder }, select: { worldId: true } }))).toEqual({ worldId: W2 });
    expect(inEnglish(new Set((await db.deadline.findMany({ where: { orderId: otherOrder }, select: { worldId: true } })).map((d) => d.worldId)))).toEqual(new Set([W2]));
    expect(inEnglish(await db.order.findUniqueOrThrow({ where: { id: demoOrder }, select: { worldId: true } }))).toEqual({ worldId: "demo" });
  });

  it("support sees only its own world's orders, in lists and on the order page", async () => {
    const demoList = (await listOrders(supportAgent)).rows.map((row) => row.id);
    const otherList = (await listOrders(support2)).rows.map((row) => row.id);
    expect(inEnglish(demoList)).toContain(demoOrder);
    expect(inEnglish(demoList)).not.toContain(otherOrder);
    expect(inEnglish(otherList)).toEqual([otherOrder]);
    expect(await getOrderDetail(supportAgent, otherOrder, T0)).toBeNull();
    expect(await getOrderDetail(support2, otherOrder, T0)).not.toBeNull();
  });

  it("a command on another world's order is not found, exactly like another person's order", async () => {
    const at = new Date(T0.getTime() + 3 * 3_600_000);
    const version = (await db.order.findUniqueOrThrow({ where: { id: otherOrder } })).version;
    expect(inEnglish(await runOrderCommand(db, supportAgent, { orderId: otherOrder, expectedVersion: version, command: { type: "OPERATOR_CANCEL", reasonKey: "potential_fraud" } }, at))).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    expect((await runOrderCommand(db, seller2, { orderId: otherOrder, expectedVersion: version, command: { type: "ARRANGE_SHIPMENT" } }, at)).ok).toBe(true);
  });

  it("the next deadline a person is shown is one of their world's", async () => {
    const mine = await nextDeadline(db, T0, orderScope(supportAgent));
    const theirs = await nextDeadline(db, T0, orderScope(support2));
    expect(mine?.orderId).not.toBe(otherOrder);
    expect(theirs?.orderId).toBe(otherOrder);
  });

  it("the platform's timers act on every world's due deadlines", async () => {
    const due = await db.deadline.findFirstOrThrow({ where: { orderId: otherOrder, kind: "CARRIER_PICKUP", resolvedAt: null } });
    await sweepDueDeadlines(db, due.dueAt);
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: otherOrder } })).status)).toBe("IN_TRANSIT");
  });
  it("each world has its own clock: a jump in one moves only its time, and the sweep acts on each world at its own time", async () => {
    const demoBefore = await readOffsetMs(db, "demo");
    const w2Order = await buildOrder(db, { buyerId: ava2.id, shopId: "w2_t-shop-us", items: [{ productId: "w2_t-prod-lamp", quantity: 1 }], shippingFeeMinor: 599, paymentMethod: "CARD", status: "UNPAID", placedAt: new Date() });
    const demoUnpaid = await createOrder(db, { status: "UNPAID", placedAt: new Date() });
    // Two days ahead in world 2 only: its unpaid order's payment window (48 h) has ended there, not in the demo world.
    await advanceClock(db, new Date(Date.now() + 49 * 3_600_000), "+49 hours", support2.id, undefined, W2);
    expect(await readOffsetMs(db, "demo")).toBe(demoBefore);
    expect((await appTime(db, undefined, W2)).getTime()).toBeGreaterThan(Date.now() + 48 * 3_600_000);
    await sweepNow(db);
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: w2Order.id } })).status)).toBe("CANCELLED");
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: demoUnpaid.id } })).status)).toBe("UNPAID");
    expect(await db.clockJump.count({ where: { worldId: W2 } })).toBe(1);
  });

  it("resetting the demo world rebuilds it and leaves another world's orders, people and clock alone", async () => {
    const before = await db.order.count({ where: { worldId: W2 } });
    const w2Offset = await readOffsetMs(db, W2);
    await resetWorld(db, new Date());
    expect(await db.order.count({ where: { worldId: W2 } })).toBe(before);
    expect(await db.user.count({ where: { worldId: W2 } })).toBe(3);
    expect(await db.deadline.count({ where: { worldId: W2 } })).toBeGreaterThan(0);
    expect(await readOffsetMs(db, W2)).toBe(w2Offset);
    expect(await db.order.count({ where: { worldId: "demo" } })).toBeGreaterThan(80);
    expect(await db.order.findUnique({ where: { id: demoOrder } })).toBeNull();
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  }, 60_000);
});
