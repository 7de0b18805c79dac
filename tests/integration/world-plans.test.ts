/**
 * Worlds at scale (issue 14, point 5): 1,000 worlds of ~100 orders each (the demo world copied as
 * worlds of its own: shops, personas, products and orders with all their rows). The lists, queues,
 * next deadlines, a command and the sweep of one world still seek by index (plans printed and
 * checked), and a copied world's orders pass the invariant check.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderScope, type SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { cloneOrders } from "@/lib/server/demo/clone-orders";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { listOrders } from "@/lib/server/orders/list-orders";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { dueDeadlines, nextDeadline } from "@/lib/server/timers/sweep";
import { expectGoodPlans, plansFor as recordedPlans, recordingClient } from "../support/query-plans";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const now = new Date();
const recorder = recordingClient(`file:${file}`);
const rec = recorder.db;
const W = "w7";
const sam: SessionUser = { id: `${W}:support-sam`, worldId: W, role: "SUPPORT", name: "Sam Rivera", shopId: null, shopName: null };
const maya: SessionUser = { id: `${W}:seller-maya`, worldId: W, role: "SELLER", name: "Maya Patel", shopId: `${W}:shop-maple`, shopName: "Maple & Moss Home" };
let orders = 0;

beforeAll(async () => {
  await seedDemoWorld(db, now);
  await db.$disconnect();
  orders = cloneOrders(file, 1000, { asWorlds: true, batch: 100 });
}, 240_000);

afterAll(async () => {
  await rec.$disconnect();
});

const plansFor = (flow: () => Promise<unknown>) => recordedPlans(file, recorder, flow);

describe("1,000 worlds", () => {
  it("are that many, each with the demo world's orders", async () => {
    expect(await rec.world.count()).toBe(1001);
    expect(orders).toBeGreaterThanOrEqual(90_000);
    expect(await rec.order.count({ where: { worldId: W } })).toBe(await rec.order.count({ where: { worldId: "demo" } }));
  });

  it("one world's lists, queues and next deadlines stay in it and seek by index", async () => {
    let support: Awaited<ReturnType<typeof listOrders>> | undefined;
    const plans = await plansFor(async () => {
      support = await listOrders(sam, {});
      await listOrders(sam, { open: "DISPUTE" });
      await listOrders(sam, { status: "DELIVERED" });
      await listOrders(maya, {});
      await nextDeadline(rec, now, orderScope(sam));
      await nextDeadline(rec, now, orderScope(maya));
    });
    expectGoodPlans("a world's lists", plans);
    expect(support!.rows.length).toBeGreaterThan(0);
    const worlds = await rec.order.findMany({ where: { id: { in: support!.rows.map((row) => row.id) } }, select: { worldId: true } });
    expect(new Set(worlds.map((o) => o.worldId))).toEqual(new Set([W]));
  });

  it("an order page, a command and one world's due deadlines seek by index; the world's orders hold their invariants", async () => {
    const onHold = await rec.order.findFirstOrThrow({ where: { worldId: W, status: "ON_HOLD", remorseEndsAt: { gt: now } }, select: { id: true, version: true, buyerId: true } });
    const buyer: SessionUser = { id: onHold.buyerId, worldId: W, role: "BUYER", name: "Buyer", shopId: null, shopName: null };
    const plans = await plansFor(async () => {
      expect(await getOrderDetail(sam, onHold.id, now)).not.toBeNull();
      expect((await runOrderCommand(rec, buyer, { orderId: onHold.id, expectedVersion: onHold.version, command: { type: "BUYER_CANCEL", reasonKey: "other" } }, now)).ok).toBe(true);
      await dueDeadlines(rec, new Date(now.getTime() + 3_600_000), 50, W);
    });
    expectGoodPlans("a world's order, command and sweep", plans);
    const ids = (await rec.order.findMany({ where: { worldId: W }, select: { id: true } })).map((o) => o.id);
    expect(await checkOrders(rec, ids)).toEqual([]);
  });
});
