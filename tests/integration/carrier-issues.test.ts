/**
 * The simulated carrier loses or delays a parcel (issue 13, points 2 and 8), through the simulator
 * service a person uses and the timers: a lost parcel is cancelled and refunded in full, not the
 * seller's fault; a late parcel opens "won't arrive on time", and its delivery closes that request.
 */
import { inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { requestReturn } from "@/lib/server/orders/request-return";
import { runSystemCommand } from "@/lib/server/orders/run-system-command";
import { simulate } from "@/lib/server/simulator/simulate";
import { sweepDueDeadlines } from "@/lib/server/timers/sweep";
import { buyerAva, buyerBen, createOrder, createWorld, sellerGlobal } from "../support/world";

beforeAll(async () => {
  await createWorld(db);
  await db.product.updateMany({ data: { stock: 1000 } });
});

const HOUR = 3_600_000;

describe("the carrier loses a parcel", () => {
  it("only the order's people may use the control; then, 7 days after the last scan, the order is cancelled as lost and refunded in full", async () => {
    const order = await createOrder(db, { status: "IN_TRANSIT" });
    expect(inEnglish(await simulate(buyerBen, order.id, { type: "LOSE_PARCEL" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(inEnglish(await simulate(sellerGlobal, order.id, { type: "LOSE_PARCEL" }))).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const detail = await getOrderDetail(buyerAva, order.id, new Date());
    expect(inEnglish(detail?.carrierControls.map((c) => c.type))).toEqual(["LOSE_PARCEL", "DELAY_PARCEL"]);

    // The orders of the test world were picked up in March: on the app clock, 7 days have long passed.
    expect(inEnglish(await simulate(buyerAva, order.id, { type: "LOSE_PARCEL" }))).toMatchObject({ ok: true });
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { refunds: true } });
    expect(inEnglish(after)).toMatchObject({ status: "CANCELLED", cancelReasonKey: "lost_in_transit", cancelledByRole: "SYSTEM", faultParty: "NONE" });
    expect(inEnglish(after.refunds)).toEqual([expect.objectContaining({ totalMinor: after.totalMinor, shippingMinor: after.shippingFeeMinor })]);
    const events = await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { seq: "asc" }, select: { type: true } });
    expect(inEnglish(events.slice(-2).map((e) => e.type))).toEqual(["PARCEL_LOST", "ORDER_CANCELLED"]);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });
});

describe("the carrier delays a parcel", () => {
  it("past the estimated delivery date the buyer may ask for a refund; the delivery closes the request and the normal requests apply", async () => {
    const order = await createOrder(db, { status: "IN_TRANSIT" });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const pickedUp = row.pickedUpAt!;
    expect((await runSystemCommand(db, order.id, { type: "DELAY_PARCEL" }, new Date(pickedUp.getTime() + HOUR))).ok).toBe(true);
    const delivery = await db.deadline.findFirstOrThrow({ where: { orderId: order.id, kind: "DELIVERY", resolvedAt: null } });
    const detail = await getOrderDetail(buyerAva, order.id, new Date(pickedUp.getTime() + 2 * HOUR));
    expect(inEnglish(detail?.estimatedDelivery)).toMatch(/in Los Angeles = /);
    const requestIt = (at: Date, version: number) =>
      requestReturn(buyerAva, { orderId: order.id, expectedVersion: version, caseType: "REFUND_ONLY", reasonKey: "wont_arrive_on_time", description: "", photos: [] }, at);
    // Before the estimated date: refused, saying when it opens.
    const early = await requestIt(new Date(pickedUp.getTime() + 2 * HOUR), row.version + 1);
    expect(inEnglish(early)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/expected by .* in Los Angeles = /) } });
    const late = await requestIt(new Date(delivery.dueAt.getTime() - HOUR), row.version + 1);
    expect(late.ok).toBe(true);

    await sweepDueDeadlines(db, delivery.dueAt);
    const after = await db.order.findUniqueOrThrow({ where: { id: order.id }, include: { returnCases: true, deadlines: { where: { resolvedAt: null } } } });
    expect(after.status).toBe("DELIVERED");
    expect(inEnglish(after.returnCases)).toEqual([expect.objectContaining({ status: "CLOSED", preDelivery: true })]);
    expect(inEnglish(after.deadlines.map((d) => d.kind))).not.toContain("SELLER_REVIEW");
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });
});
