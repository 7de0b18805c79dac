// Lists with thousands of orders: keyset pages that walk the whole list exactly once, capped counts,
// and the queues answered from the order's stored "what it waits on". (Speed is measured by
// `npm run bench`; the query plans at 100,000 orders by query-plans.test.ts.) The bulk rows are
// removed afterwards so that db:check sees only orders built the ordinary way.
import { say } from "../support/order-state";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { COUNT_CAP, listOrders } from "@/lib/server/orders/list-orders";
import { PAGE_SIZE } from "@/lib/server/pagination";
import { T0, buyerAva, createWorld, sellerUs, supportAgent } from "../support/world";

const ORDERS = 5_000;
const HOUR = 3_600_000;
const ids = Array.from({ length: ORDERS }, (_, i) => `scale-${String(i).padStart(5, "0")}`);
const disputed = ids.filter((_, i) => i % 100 === 7); // 50
const requested = ids.filter((_, i) => i % 25 === 3); // 200

beforeAll(async () => {
  await createWorld(db);
  const orders = ids.map((id, i) => ({
    id,
    code: `S${i}`,
    buyerId: buyerAva.id,
    shopId: i % 2 === 0 ? "t-shop-us" : "t-shop-gl",
    status: disputed.includes(id) ? "DELIVERED" : "AWAITING_SHIPMENT",
    policyProfile: i % 2 === 0 ? "US" : "GLOBAL",
    currency: "USD",
    itemsMinor: 1000,
    shippingFeeMinor: 0,
    totalMinor: 1000,
    paymentMethod: "CARD",
    placedAt: new Date(T0.getTime() - i * 60_000),
    openWork: disputed.includes(id) ? "DISPUTE" : requested.includes(id) ? "CANCEL_REQUEST" : null,
    version: 1,
    updatedAt: T0,
  }));
  for (let i = 0; i < orders.length; i += 1000) await db.order.createMany({ data: orders.slice(i, i + 1000) });
  await db.orderItem.createMany({ data: ids.map((orderId) => ({ orderId, productId: "t-prod-pen", title: "Mug", quantity: 1, unitPriceMinor: 1000 })) });
  await db.cancelRequest.createMany({
    data: requested.map((orderId) => ({ orderId, shopId: orders.find((order) => order.id === orderId)!.shopId, status: "PENDING", reasonKey: "no_longer_needed", requestedAt: T0, respondBy: new Date(T0.getTime() + 24 * HOUR) })),
  });
  await db.dispute.createMany({
    data: disputed.map((orderId) => ({ id: `${orderId}-dispute-1`, orderId, subject: "CASE", subjectRef: `${orderId}-case-1`, status: "OPEN", openedAt: T0, decideBy: new Date(T0.getTime() + 48 * HOUR), worldId: "demo", queueKind: "REQUEST_REJECTED", targetAt: new Date(T0.getTime() + 48 * HOUR) })),
  });
  await db.deadline.createMany({ data: ids.map((orderId) => ({ orderId, kind: "DISPATCH", dueAt: new Date(T0.getTime() + 48 * HOUR) })) });
});

afterAll(async () => {
  const where = { orderId: { in: ids } };
  await db.deadline.deleteMany({ where });
  await db.dispute.deleteMany({ where });
  await db.cancelRequest.deleteMany({ where });
  await db.orderItem.deleteMany({ where });
  await db.order.deleteMany({ where: { id: { in: ids } } });
});

describe(`order lists with ${ORDERS.toLocaleString("en-US")} orders`, () => {
  it("support's list: a capped count, and older pages that walk every order exactly once, newest first", async () => {
    const first = await listOrders(supportAgent);
    expect(first).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(first.rows.map((row) => row.id)).toEqual(ids.slice(0, PAGE_SIZE));
    const seen: string[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.rows.map((row) => row.id));
      if (!page.older) break;
      page = await listOrders(supportAgent, { after: page.older });
    }
    expect(seen).toEqual(ids);
    expect(page.rows.at(-1)?.id).toBe(ids.at(-1));
  });

  it("support's dispute queue: only orders waiting for support, each named with its target", async () => {
    const queue = await listOrders(supportAgent, { open: "DISPUTE" });
    expect(queue.total).toBe(disputed.length);
    expect(queue.rows.map((row) => row.id)).toEqual(disputed.slice(0, PAGE_SIZE));
    expect(queue.rows.every((row) => say(row.openWork) === "Dispute: Open: waiting for platform support" && row.supportTarget !== null)).toBe(true);
  });

  it("a seller's cancel requests waiting for an answer: only that shop's, each named", async () => {
    const result = await listOrders(sellerUs, { open: "CANCEL_REQUEST" });
    const expected = requested.filter((id) => Number(id.slice(6)) % 2 === 0);
    expect(result.total).toBe(expected.length);
    expect(result.rows.every((row) => say(row.openWork) === "Cancel request: Waiting for the seller" && row.nextDeadline?.label)).toBe(true);
  });
});
