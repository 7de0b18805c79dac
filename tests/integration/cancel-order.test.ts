import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { STALE_ORDER_MESSAGE } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { orderMoney } from "@/lib/server/ledger";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerUs, supportAgent } from "../support/world";

const MINUTE = 60_000;
const inWindow = new Date(T0.getTime() + 10 * MINUTE);

beforeAll(async () => {
  await createWorld(db);
});

async function snapshot(orderId: string) {
  const [order, refunds, ledger, events, notifications, stock] = await Promise.all([
    db.order.findUniqueOrThrow({ where: { id: orderId } }),
    db.refund.count({ where: { orderId } }),
    db.ledgerEntry.count({ where: { orderId } }),
    db.orderEvent.count({ where: { orderId } }),
    db.notification.count({ where: { orderId } }),
    db.product.findMany({ where: { id: { in: ["t-prod-lamp", "t-prod-pen"] } }, orderBy: { id: "asc" }, select: { stock: true } }),
  ]);
  return { status: order.status, version: order.version, refunds, ledger, events, notifications, stock: stock.map((p) => p.stock) };
}

describe("cancelOrder: the buyer cancels an ON_HOLD order", () => {
  it("cancels at once, refunds to the card with its expected date, restores stock, records the event and notifies the seller", async () => {
    const stockBefore = await db.product.findMany({ where: { id: { in: ["t-prod-lamp", "t-prod-pen"] } }, orderBy: { id: "asc" } });
    const order = await createOrder(db, { status: "ON_HOLD" });
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });

    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: version, reasonKey: "no_longer_needed" }, inWindow);

    expect(result.ok).toBe(true);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(inEnglish(after)).toMatchObject({
      status: "CANCELLED",
      version: version + 1,
      cancelReasonKey: "no_longer_needed",
      cancelledByRole: "BUYER",
      cancelledById: buyerAva.id,
      faultParty: "BUYER",
    });
    expect(after.cancelledAt?.toISOString()).toBe(inWindow.toISOString());

    const refunds = await db.refund.findMany({ where: { orderId: order.id } });
    expect(refunds).toHaveLength(1);
    // 2 × $35.00 + $12.50 + $5.99 shipping: a stage-1 cancel refunds everything.
    expect(inEnglish(refunds[0])).toMatchObject({ totalMinor: 8849, itemsMinor: 8250, shippingMinor: 599, destination: "CARD", status: "PENDING" });
    // Monday 09:10 in Los Angeles + 5 business days = the next Monday at 09:10 (PDT: the clocks changed on Sunday).
    expect(inEnglish(refunds[0]!.expectedArrivalAt.toISOString())).toBe("2026-03-09T16:10:00.000Z");

    expect(inEnglish(await orderMoney(db, order.id))).toEqual({ paidMinor: 8849, refundedMinor: 8849, settledMinor: 0, postageMinor: 0, heldMinor: 0 });
    const stockAfter = await db.product.findMany({ where: { id: { in: ["t-prod-lamp", "t-prod-pen"] } }, orderBy: { id: "asc" } });
    expect(inEnglish(stockAfter.map((p) => p.stock))).toEqual(stockBefore.map((p) => p.stock));

    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "ORDER_CANCELLED" } });
    expect(inEnglish(event)).toMatchObject({ fromStatus: "ON_HOLD", toStatus: "CANCELLED", actorRole: "BUYER", actorId: buyerAva.id });
    expect(say(event.summary)).toContain("No longer needed");

    const sellerNote = await db.notification.findFirstOrThrow({ where: { orderId: order.id, shopId: sellerUs.shopId, kind: "ORDER_CANCELLED" } });
    expect(say(sellerNote.title)).toContain("cancelled by the buyer");
    expect(say(sellerNote.body)).toContain("No longer needed");
    // The order's own deadlines are closed; the refund's arrival and overdue timers remain.
    const open = await db.deadline.findMany({ where: { orderId: order.id, resolvedAt: null }, orderBy: { kind: "asc" } });
    expect(inEnglish(open.map((d) => [d.kind, d.dueAt.toISOString()]))).toEqual([
      [`REFUND_ARRIVAL:cancel:${order.id}`, "2026-03-09T16:10:00.000Z"],
      [`REFUND_OVERDUE:cancel:${order.id}`, "2026-03-12T16:10:00.000Z"],
    ]);
  });

  it("refunds a wallet payment at once", async () => {
    const order = await createOrder(db, { status: "ON_HOLD", paymentMethod: "WALLET" });
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: version, reasonKey: "better_price" }, inWindow);
    expect(inEnglish(result.ok && result.value.refund)).toMatchObject({ status: "ARRIVED", totalMinor: 8849 });
  });

  it("refuses a stale form with the stale-order message and changes nothing", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const before = await snapshot(order.id);
    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version - 1, reasonKey: "no_longer_needed" }, inWindow);
    expect(inEnglish(result)).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("a double submit cancels once and refunds once; the second gets the stale message", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const input = { orderId: order.id, expectedVersion: version, reasonKey: "no_longer_needed" };

    const first = await cancelOrder(buyerAva, input, inWindow);
    const afterFirst = await snapshot(order.id);
    const second = await cancelOrder(buyerAva, input, new Date(inWindow.getTime() + 1000));

    expect(first.ok).toBe(true);
    expect(inEnglish(second)).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(afterFirst));
    expect(afterFirst.refunds).toBe(1);
  });

  it("two cancels racing at once: exactly one wins, one refund, escrow never negative", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const input = { orderId: order.id, expectedVersion: version, reasonKey: "no_longer_needed" };

    const results = await Promise.all([cancelOrder(buyerAva, input, inWindow), cancelOrder(buyerAva, { ...input, reasonKey: "better_price" }, inWindow)]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(inEnglish(results.find((r) => !r.ok))).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(inEnglish(await orderMoney(db, order.id))).toEqual({ paidMinor: 8849, refundedMinor: 8849, settledMinor: 0, postageMinor: 0, heldMinor: 0 });
  });

  it("another buyer cannot cancel it: the order is not found for them and nothing changes", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const before = await snapshot(order.id);
    const result = await cancelOrder(buyerBen, { orderId: order.id, expectedVersion: before.version, reasonKey: "no_longer_needed" }, inWindow);
    expect(inEnglish(result)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "We couldn't find that order." } });
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("the shop's seller and support cannot use the buyer's cancel", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const before = await snapshot(order.id);
    for (const user of [sellerUs, supportAgent]) {
      const result = await cancelOrder(user, { orderId: order.id, expectedVersion: before.version, reasonKey: "no_longer_needed" }, inWindow);
      expect(inEnglish(result.ok ? null : result.error.code)).toBe("FORBIDDEN");
    }
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("refuses a reason that is not in the buyer list, or not valid at this stage, next to the field", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const before = await snapshot(order.id);

    const unknown = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version, reasonKey: "because" }, inWindow);
    expect(inEnglish(unknown)).toEqual({
      ok: false,
      error: { code: "VALIDATION", message: "Choose a reason from the list.", fieldErrors: { reasonKey: ["Choose a reason from the list."] } },
    });
    // A seller's reason is not a buyer's reason.
    const sellerReason = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version, reasonKey: "out_of_stock" }, inWindow);
    expect(inEnglish(sellerReason.ok ? null : sellerReason.error.code)).toBe("VALIDATION");
    // "Not shipped on time" makes no sense before the seller may ship.
    const tooEarly = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version, reasonKey: "not_shipped_on_time" }, inWindow);
    expect(inEnglish(tooEarly.ok ? null : tooEarly.error.fieldErrors?.reasonKey?.[0])).toMatch(/not a reason you can give at this stage/);

    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it.each([
    ["AWAITING_SHIPMENT", /needs the seller's approval/],
    ["AWAITING_COLLECTION", /arranged shipment/],
    ["IN_TRANSIT", /parcel has shipped.*refuse it.*return after delivery/],
    ["DELIVERED", /delivered.*refund or a return/],
    ["COMPLETED", /complete/],
    ["CANCELLED", /already cancelled/],
  ] as const)("refuses an instant cancel in %s, says why, and changes nothing", async (status, why) => {
    const order = await createOrder(db, { status });
    const before = await snapshot(order.id);
    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version, reasonKey: "no_longer_needed" }, new Date(T0.getTime() + 40 * 86_400_000));
    expect(result.ok).toBe(false);
    expect(inEnglish(result.ok ? null : result.error.code)).toBe("INVALID_TRANSITION");
    expect(say(result.ok ? "" : result.error.message)).toMatch(why);
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("refuses once the 1-hour window has passed, even before the timer has moved the order on", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const before = await snapshot(order.id);
    const late = new Date(T0.getTime() + 2 * 60 * MINUTE);
    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: before.version, reasonKey: "no_longer_needed" }, late);
    expect(inEnglish(result.ok ? null : result.error.code)).toBe("INVALID_TRANSITION");
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("cancels an unpaid order without a refund", async () => {
    const order = await createOrder(db, { status: "UNPAID" });
    const result = await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: 0, reasonKey: "forgot_coupon" }, inWindow);
    expect(inEnglish(result)).toMatchObject({ ok: true, value: { status: "CANCELLED", refund: null } });
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(0);
    expect(inEnglish(await orderMoney(db, order.id))).toEqual({ paidMinor: 0, refundedMinor: 0, settledMinor: 0, postageMinor: 0, heldMinor: 0 });
  });
});
