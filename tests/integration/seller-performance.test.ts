/**
 * Seller performance (issue 16, point 3) against a world with known numbers: 40 orders paid at the US
 * shop on Saturday 28 February (Los Angeles), then cancels, answers, a late dispatch, a dispute and
 * refunds at known times. The figures are read on Friday 6 March (app time) and again 8 days later.
 */
import { inEnglish, say } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import type { Command } from "@/lib/order";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR, runOrderCommand, type CommandActor } from "@/lib/server/orders/run-order-command";
import { sellerPerformance, type WindowFigures } from "@/lib/server/seller/performance";
import { causeLabel } from "@/lib/server/seller/performance-facts";
import { performanceOrders } from "@/lib/server/seller/performance-orders";
import { T0, buyerAva, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 6 March, 09:00 in Los Angeles: the 7-day window is 28 February – 6 March. */
const NOW = new Date(T0.getTime() + 4 * DAY);
const placedAt = new Date(T0.getTime() - 40 * HOUR); // Saturday 28 February, 17:00 in Los Angeles

let toShip: string[] = [];
let inTransit: string[] = [];
let delivered: string[] = [];

async function run(who: CommandActor, orderId: string, command: Command, at: Date) {
  const { version } = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { version: true } });
  const result = await runOrderCommand(db, who, { orderId, expectedVersion: version, command }, at);
  if (!result.ok) throw new Error(`${command.type}: ${say(result.error.message)}`);
}

const window = (figures: { windows: WindowFigures[] } | null, days: number) => figures!.windows.find((w) => w.days === days)!;
const rate = (figures: WindowFigures, key: "sfcr" | "ldr") => figures.rates.find((r) => r.metric.key === key)!;

beforeAll(async () => {
  await createWorld(db);
  await db.product.updateMany({ data: { stock: 10_000 } });
  const make = (status: "AWAITING_SHIPMENT" | "IN_TRANSIT" | "DELIVERED", i: number) => createOrder(db, { status, placedAt: new Date(placedAt.getTime() + i * 60_000) });
  toShip = await Promise.all(Array.from({ length: 35 }, (_, i) => make("AWAITING_SHIPMENT", i).then((o) => o.id)));
  inTransit = await Promise.all(Array.from({ length: 3 }, (_, i) => make("IN_TRANSIT", 40 + i).then((o) => o.id)));
  delivered = await Promise.all(Array.from({ length: 2 }, (_, i) => make("DELIVERED", 50 + i).then((o) => o.id)));
  // Another shop's orders and cancels: never in the US shop's figures.
  const other = await createOrder(db, { status: "AWAITING_SHIPMENT", shopId: "t-shop-gl", items: [{ productId: "t-prod-kite", quantity: 1 }], placedAt });
  await run(sellerGlobal, other.id, { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, T0);
}, 60_000);

describe("seller performance with known numbers", () => {
  it("40 orders paid and nothing cancelled: 0% meets the target; pickups on time", async () => {
    const week = window(await sellerPerformance(sellerUs, NOW), 7);
    expect(inEnglish(week)).toMatchObject({ from: "2026-02-28", to: "2026-03-06" });
    expect(inEnglish(rate(week, "sfcr"))).toMatchObject({ numerator: 0, denominator: 40, status: "MEETS" });
    expect(inEnglish(rate(week, "ldr"))).toMatchObject({ numerator: 0, denominator: 5, status: "MEETS" });
    expect(week.delivered).toBe(2);
  });

  it("one out-of-stock cancel is 2.5%, which meets the requirement; a second is 5%, a violation (US: no at-risk band for SFCR, issue 27 R10)", async () => {
    await run(sellerUs, toShip[0]!, { type: "SELLER_CANCEL", reasonKey: "out_of_stock" }, T0);
    expect(inEnglish(rate(window(await sellerPerformance(sellerUs, NOW), 7), "sfcr"))).toMatchObject({ numerator: 1, denominator: 40, status: "MEETS" });

    // A buyer's cancel request the seller approves two hours later, and a refused parcel, are not the seller's fault.
    await run(buyerAva, toShip[1]!, { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" }, T0);
    await run(sellerUs, toShip[1]!, { type: "APPROVE_CANCEL_REQUEST" }, new Date(T0.getTime() + 2 * HOUR));
    await run(buyerAva, inTransit[0]!, { type: "REFUSE_PARCEL" }, T0);
    const { dueAt } = await db.deadline.findFirstOrThrow({ where: { orderId: inTransit[0]!, kind: { startsWith: "REFUSED_PARCEL_TRANSIT" }, resolvedAt: null } });
    await run(SYSTEM_ACTOR, inTransit[0]!, { type: "REFUSED_PARCEL_DELIVERED" }, dueAt);
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: inTransit[0]! } })).status)).toBe("CANCELLED");
    expect(inEnglish(rate(window(await sellerPerformance(sellerUs, NOW), 7), "sfcr"))).toMatchObject({ numerator: 1, denominator: 40, status: "MEETS" });

    await run(sellerUs, toShip[2]!, { type: "SELLER_CANCEL", reasonKey: "pricing_error" }, new Date(T0.getTime() + HOUR));
    const week = window(await sellerPerformance(sellerUs, NOW), 7);
    expect(inEnglish(rate(week, "sfcr"))).toMatchObject({ numerator: 2, denominator: 40, status: "VIOLATION" });
    expect(inEnglish(week.refundsByCause.map((r) => [causeLabel(r.cause), r.count]))).toEqual(
      expect.arrayContaining([
        ["Cancelled: Out of stock", 1],
        ["Cancelled: Pricing error", 1],
        ["Cancelled: No longer needed", 1],
      ]),
    );

    const behind = await performanceOrders(sellerUs, NOW, { list: "sfcr", window: 7 });
    expect(inEnglish(behind)).toMatchObject({ total: 2 });
    expect(inEnglish(behind!.rows.map((row) => [row.orderId, row.detail]))).toEqual([
      [toShip[2], "Cancelled: Pricing error"],
      [toShip[0], "Cancelled: Out of stock"],
    ]);
  });

  it("a request approved for the seller's silence is counted as such, not in the median answer time", async () => {
    await run(buyerAva, toShip[3]!, { type: "REQUEST_CANCEL", reasonKey: "better_price" }, T0);
    const { dueAt } = await db.deadline.findFirstOrThrow({ where: { orderId: toShip[3]!, kind: "CANCEL_REQUEST_ANSWER", resolvedAt: null } });
    await run(SYSTEM_ACTOR, toShip[3]!, { type: "CANCEL_REQUEST_TIMEOUT" }, dueAt);
    const cancels = window(await sellerPerformance(sellerUs, NOW), 7).responses.find((r) => r.kind === "CANCEL")!;
    expect(inEnglish(cancels)).toMatchObject({ answered: 1, medianMs: 2 * HOUR, silence: 1, byRule: 0 });
    const silence = await performanceOrders(sellerUs, NOW, { list: "silence", window: 7 });
    expect(inEnglish(silence!.rows.map((row) => row.orderId))).toEqual([toShip[3]]);
    // The buyer's reason was not the seller's fault: the rate is unchanged.
    expect(inEnglish(rate(window(await sellerPerformance(sellerUs, NOW), 7), "sfcr"))).toMatchObject({ numerator: 2, denominator: 40 });
  });

  it("a pickup after the dispatch deadline is a late dispatch: 1 of 6 is a violation", async () => {
    const order = await db.order.findUniqueOrThrow({ where: { id: toShip[4]! } });
    const late = new Date(order.dispatchDueAt!.getTime() + HOUR);
    await run(sellerUs, toShip[4]!, { type: "ARRANGE_SHIPMENT" }, late);
    const pickup = await db.deadline.findFirstOrThrow({ where: { orderId: toShip[4]!, kind: "CARRIER_PICKUP", resolvedAt: null } });
    await run(SYSTEM_ACTOR, toShip[4]!, { type: "CARRIER_PICKUP" }, pickup.dueAt);
    const week = window(await sellerPerformance(sellerUs, NOW), 7);
    expect(inEnglish(rate(week, "ldr"))).toMatchObject({ numerator: 1, denominator: 6, status: "VIOLATION" });
    const behind = await performanceOrders(sellerUs, NOW, { list: "ldr", window: 7 });
    expect(inEnglish(behind!.rows.map((row) => row.orderId))).toEqual([toShip[4]]);
  });

  it("refund requests by reason, the seller's answer time, and a dispute lost", async () => {
    const at = new Date(NOW.getTime() - 6 * HOUR);
    await run(buyerAva, delivered[0]!, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Nothing came.", photoCount: 0 }, at);
    await run(sellerUs, delivered[0]!, { type: "REJECT_RETURN", reasonKey: "delivered_per_tracking" }, new Date(at.getTime() + 3 * HOUR));
    await run(buyerAva, delivered[0]!, { type: "ESCALATE", subject: "CASE", statement: "The parcel never came.", photoCount: 0 }, new Date(at.getTime() + 4 * HOUR));
    const { id: disputeId } = await db.dispute.findFirstOrThrow({ where: { orderId: delivered[0]! } });
    await run(supportAgent, delivered[0]!, { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: "The seller shows no proof of delivery." }, new Date(at.getTime() + 5 * HOUR));

    const week = window(await sellerPerformance(sellerUs, NOW), 7);
    expect(inEnglish(week.returnsByReason)).toEqual([{ reasonKey: "not_received", label: "Package not received", count: 1 }]);
    expect(inEnglish(week.responses.find((r) => r.kind === "REFUND"))).toMatchObject({ answered: 1, medianMs: 3 * HOUR, silence: 0 });
    expect(inEnglish(week.disputes)).toEqual({ won: 0, lost: 1, overturned: 0 });
    expect(inEnglish(week.refundsByCause.find((r) => r.cause === "case:not_received"))).toMatchObject({ count: 1, amountMinor: 8849 });
    const lost = await performanceOrders(sellerUs, NOW, { list: "disputes-lost", window: 7 });
    expect(inEnglish(lost!.rows.map((row) => row.orderId))).toEqual([delivered[0]]);
  });

  it("the windows follow the app clock: 8 days later the 7-day figures are empty and the 30-day ones keep everything", async () => {
    const later = await sellerPerformance(sellerUs, new Date(NOW.getTime() + 8 * DAY));
    expect(inEnglish(rate(window(later, 7), "sfcr"))).toMatchObject({ numerator: 0, denominator: 0, status: "NO_DATA" });
    expect(inEnglish(rate(window(later, 30), "sfcr"))).toMatchObject({ numerator: 2, denominator: 40, status: "VIOLATION" });
    expect(window(later, 30).disputes.lost).toBe(1);
    // The daily trend: 30 days, the orders paid on the Saturday.
    expect(later!.daily).toHaveLength(30);
    expect(inEnglish(later!.daily.find((d) => d.day === "2026-02-28"))).toMatchObject({ paid: 40 });
  });

  it("another shop's seller sees only their own figures and orders; a buyer sees none", async () => {
    const global = window(await sellerPerformance(sellerGlobal, NOW), 7);
    expect(inEnglish(rate(global, "sfcr"))).toMatchObject({ numerator: 1, denominator: 1, status: "VIOLATION" });
    const theirs = await performanceOrders(sellerGlobal, NOW, { list: "sfcr", window: 7 });
    expect(theirs!.rows.every((row) => !toShip.includes(row.orderId))).toBe(true);
    expect(await sellerPerformance(buyerAva, NOW)).toBeNull();
    expect(await performanceOrders(supportAgent, NOW, { list: "sfcr", window: 7 })).toBeNull();
  });
});
