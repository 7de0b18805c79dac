/**
 * "Jump to next deadline" is scoped like every other read: a buyer sees and jumps to the next
 * deadline of their own orders, a seller their shop's; only support sees the next one anywhere.
 */
import { say } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { orderScope } from "@/lib/server/auth/session-user";
import { jumpClock } from "@/lib/server/simulator/jump-clock";
import { appTime } from "@/lib/server/timers/sim-clock";
import { nextDeadline } from "@/lib/server/timers/sweep";
import { buyerAva, buyerBen, createOrder, createWorld, ownTheWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
let bens: { id: string; code: string };
let avas: { id: string; code: string };
let after: Date;

beforeAll(async () => {
  await createWorld(db);
  after = await appTime(db);
  // Ben's order (global shop) has the earlier deadline: its instant-cancel window ends first.
  bens = await createOrder(db, { status: "ON_HOLD", buyerId: buyerBen.id, shopId: "t-shop-gl", items: [{ productId: "t-prod-kite", quantity: 1 }], placedAt: new Date(after.getTime() - 20 * 60_000) });
  // Ava's (US shop) was placed later: its first deadline comes after Ben's.
  avas = await createOrder(db, { status: "ON_HOLD", placedAt: new Date(after.getTime() - 10 * 60_000) });
});

describe("the next deadline", () => {

  it("for a buyer is one of their own orders, never another buyer's", async () => {
    expect((await nextDeadline(db, after, orderScope(buyerAva)))?.orderId).toBe(avas.id);
    expect((await nextDeadline(db, after, orderScope(buyerBen)))?.orderId).toBe(bens.id);
  });

  it("for a seller is one of their shop's orders", async () => {
    expect((await nextDeadline(db, after, orderScope(sellerUs)))?.orderId).toBe(avas.id);
    expect((await nextDeadline(db, after, orderScope(sellerGlobal)))?.orderId).toBe(bens.id);
  });

  it("for support is the earliest anywhere", async () => {
    expect((await nextDeadline(db, after, orderScope(supportAgent)))?.orderId).toBe(bens.id);
  });

  it("a buyer's jump goes to their own next deadline, past another buyer's earlier one", async () => {
    const now = await appTime(db);
    const own = (await nextDeadline(db, now, orderScope(buyerAva)))!;
    const anywhere = (await nextDeadline(db, now, orderScope(supportAgent)))!;
    expect(anywhere.orderId).toBe(bens.id);
    expect(anywhere.dueAt.getTime()).toBeLessThan(own.dueAt.getTime());
    const jumped = await jumpClock(await ownTheWorld(db, buyerAva), { by: "NEXT_DEADLINE" });
    expect(say(jumped.ok && jumped.value.label)).toContain(`order ${avas.code}`);
    expect((await appTime(db)).getTime()).toBeGreaterThanOrEqual(own.dueAt.getTime());
    expect((await appTime(db)).getTime()).toBeLessThan(own.dueAt.getTime() + HOUR);
    // Ben's deadline fell due on the way and the timers acted on it: jumping is still one world's clock.
    expect((await db.order.findUniqueOrThrow({ where: { id: bens.id } })).status).toBe("AWAITING_SHIPMENT");
  });
});
