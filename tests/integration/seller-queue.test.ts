/**
 * The Seller Center's queue (issue 16, point 1): what waits on the seller, by tab, the nearest
 * deadline first, with the buyer's reason, paged; another shop's orders never appear.
 */
import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { readSql } from "@/lib/server/sqlite/read-sql";
import { QUEUE_PAGE_SIZE, readSellerWaitingLabel, sellerQueue, sellerQueueCounts } from "@/lib/server/seller/needs-action";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
let requested = "";

beforeAll(async () => {
  await createWorld(db);
  await db.product.updateMany({ data: { stock: 10_000 } });
  // 30 orders to ship at the US shop, placed an hour apart (their dispatch deadlines follow).
  for (let i = 0; i < 30; i++) await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt: new Date(T0.getTime() - (40 - i) * HOUR) });
  // One of the US shop's orders with a cancel request from Ben.
  const order = await createOrder(db, { status: "AWAITING_SHIPMENT", buyerId: buyerBen.id, placedAt: new Date(T0.getTime() - 3 * HOUR) });
  const version = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).version;
  const result = await runOrderCommand(db, buyerBen, { orderId: order.id, expectedVersion: await version(order.id), command: { type: "REQUEST_CANCEL", reasonKey: "better_price" } }, T0);
  if (!result.ok) throw new Error(result.error.message.key);
  requested = order.id;
  // The global shop's cancel request: never in the US seller's queue.
  const other = await createOrder(db, { status: "AWAITING_SHIPMENT", shopId: "t-shop-gl", items: [{ productId: "t-prod-kite", quantity: 1 }], placedAt: new Date(T0.getTime() - 3 * HOUR) });
  await runOrderCommand(db, buyerAva, { orderId: other.id, expectedVersion: await version(other.id), command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, T0);
});

describe("the seller's queue", () => {
  it("counts what waits in each tab, for this shop only", async () => {
    const counts = await sellerQueueCounts(sellerUs);
    expect(counts["cancel-requests"]).toBe(1);
    // The request's order is still to ship too (until the seller answers): 31 dispatch deadlines.
    expect(counts["to-ship"]).toBe(31);
    expect(counts.requests).toBe(0);
    expect((await sellerQueueCounts(sellerGlobal))["cancel-requests"]).toBe(1);
    // Counts stop at their cap: the header (every seller page) reads at most 100 entries.
    expect((await sellerQueueCounts(sellerUs, 5))["to-ship"]).toBe(5);
    expect(readSql((sql) => readSellerWaitingLabel(sql, sellerUs))).toBe("32");
  });

  it("lists a cancel request with the buyer, their reason and the answer deadline", async () => {
    const page = await sellerQueue(sellerUs, { tab: "cancel-requests" });
    expect(inEnglish(page.rows)).toEqual([expect.objectContaining({ orderId: requested, buyerName: buyerBen.name, reason: "Found a better price", deadlineKey: "CANCEL_REQUEST_ANSWER" })]);
    expect(page.rows[0]!.dueAt.getTime()).toBe(T0.getTime() + 24 * HOUR);
    expect(inEnglish(page.tab.onSilence)).toContain("Approved automatically");
  });

  it("pages the orders to ship by the nearest deadline, each exactly once", async () => {
    const first = await sellerQueue(sellerUs, { tab: "to-ship" });
    expect(first.rows).toHaveLength(QUEUE_PAGE_SIZE);
    expect(first.later).not.toBeNull();
    const second = await sellerQueue(sellerUs, { tab: "to-ship", after: first.later! });
    expect(second.later).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(all).toHaveLength(31);
    expect(new Set(all.map((row) => row.orderId)).size).toBe(31);
    const times = all.map((row) => row.dueAt.getTime());
    expect(inEnglish(times)).toEqual([...times].sort((a, b) => a - b));
  });

  it("a dispute waits for the seller's statement, by support's decision target, until the seller adds one", async () => {
    const order = await createOrder(db, { status: "DELIVERED", buyerId: buyerBen.id, placedAt: new Date(T0.getTime() - 10 * 24 * HOUR) });
    const run = async (who: typeof sellerUs, command: Parameters<typeof runOrderCommand>[2]["command"], at: Date) => {
      const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
      const result = await runOrderCommand(db, who, { orderId: order.id, expectedVersion: version, command }, at);
      if (!result.ok) throw new Error(result.error.message.key);
    };
    await run(buyerBen, { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "not_received", description: "Nothing came.", photoCount: 0 }, T0);
    await run(sellerUs, { type: "REJECT_RETURN", reasonKey: "delivered_per_tracking" }, new Date(T0.getTime() + HOUR));
    await run(buyerBen, { type: "ESCALATE", subject: "CASE", statement: "The parcel never came.", photoCount: 0 }, new Date(T0.getTime() + 2 * HOUR));
    expect((await sellerQueueCounts(sellerUs)).disputes).toBe(1);
    expect((await sellerQueueCounts(sellerGlobal)).disputes).toBe(0);
    const page = await sellerQueue(sellerUs, { tab: "disputes" });
    const dispute = await db.dispute.findFirstOrThrow({ where: { orderId: order.id } });
    expect(inEnglish(page.rows)).toEqual([expect.objectContaining({ orderId: order.id, buyerName: buyerBen.name, reason: "Package not received", dueAt: dispute.decideBy })]);
    expect(inEnglish(page.tab.dueLabel)).toBe("Platform support decides by");
    // Support's decision form is told the most a decision for the buyer can refund: the order's $82.50 + $5.99.
    const { getOrderDetail } = await import("@/lib/server/orders/get-order");
    const seen = await getOrderDetail(supportAgent, order.id, new Date(T0.getTime() + 2 * HOUR));
    expect(seen!.disputes[0]!.refundableMinor).toBe(8849);
    await run(sellerUs, { type: "ADD_DISPUTE_STATEMENT", disputeId: dispute.id, statement: "Tracking shows it was delivered.", photoCount: 0 }, new Date(T0.getTime() + 3 * HOUR));
    expect((await sellerQueueCounts(sellerUs)).disputes).toBe(0);
  });

  it("an unknown tab is the first one; a seller without a shop has an empty queue", async () => {
    expect(inEnglish((await sellerQueue(sellerUs, { tab: "nope" })).tab.key)).toBe("cancel-requests");
    expect(Object.values(await sellerQueueCounts({ ...sellerUs, shopId: null })).every((n) => n === 0)).toBe(true);
  });
});

describe("bulk actions", () => {
  it("run the command on each chosen order on its own: the good ones are done, a stale or foreign one is refused and unchanged", async () => {
    const { runBulk } = await import("@/lib/server/seller/bulk");
    const version = async (id: string) => (await db.order.findUniqueOrThrow({ where: { id } })).version;
    const a = await createOrder(db, { status: "AWAITING_SHIPMENT", buyerId: buyerBen.id, placedAt: new Date(T0.getTime() - 2 * HOUR) });
    const b = await createOrder(db, { status: "AWAITING_SHIPMENT", buyerId: buyerBen.id, placedAt: new Date(T0.getTime() - 2 * HOUR) });
    for (const order of [a, b]) await runOrderCommand(db, buyerBen, { orderId: order.id, expectedVersion: await version(order.id), command: { type: "REQUEST_CANCEL", reasonKey: "no_longer_needed" } }, T0);
    const foreign = (await db.order.findFirstOrThrow({ where: { shopId: "t-shop-gl" } })).id;
    const at = new Date(T0.getTime() + HOUR);
    const outcomes = await runBulk(
      sellerUs,
      "APPROVE_CANCEL_REQUEST",
      [
        { orderId: a.id, version: await version(a.id) },
        { orderId: b.id, version: (await version(b.id)) - 1 },
        { orderId: foreign, version: await version(foreign) },
      ],
      at,
    );
    expect(inEnglish(outcomes.map((o) => [o.orderId, o.ok]))).toEqual([
      [a.id, true],
      [b.id, false],
      [foreign, false],
    ]);
    expect(say(outcomes[1]!.message)).toContain("This order changed");
    expect(outcomes[2]!.code).toBeNull();
    // Arranged orders leave "To ship" (their dispatch deadline stays open until the carrier's scan).
    const before = (await sellerQueueCounts(sellerUs))["to-ship"];
    const toShip = (await sellerQueue(sellerUs, { tab: "to-ship" })).rows.slice(0, 2);
    const shipped = await runBulk(sellerUs, "ARRANGE_SHIPMENT", toShip.map((row) => ({ orderId: row.orderId, version: row.version })), at);
    expect(shipped.every((o) => o.ok)).toBe(true);
    expect((await sellerQueueCounts(sellerUs))["to-ship"]).toBe(before! - 2);
    expect(inEnglish((await sellerQueue(sellerUs, { tab: "to-ship" })).rows.map((row) => row.orderId))).not.toContain(toShip[0]!.orderId);
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: a.id } })).status)).toBe("CANCELLED");
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: b.id } })).status)).toBe("AWAITING_SHIPMENT");
    expect(inEnglish((await db.cancelRequest.findUniqueOrThrow({ where: { orderId: b.id } })).status)).toBe("PENDING");
  });
});
