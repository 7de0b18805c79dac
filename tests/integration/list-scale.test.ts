// Lists stay fast with thousands of orders: a fixed number of queries per page whatever the page,
// and the filters for what is open answered from indexes. The bulk rows are removed afterwards so
// that db:check sees only orders built the ordinary way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listOrders } from "@/lib/server/orders/list-orders";
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
    version: 1,
    updatedAt: T0,
  }));
  for (let i = 0; i < orders.length; i += 1000) await db.order.createMany({ data: orders.slice(i, i + 1000) });
  await db.orderItem.createMany({ data: ids.map((orderId) => ({ orderId, productId: "t-prod-pen", title: "Mug", quantity: 1, unitPriceMinor: 1000 })) });
  await db.cancelRequest.createMany({
    data: requested.map((orderId) => ({ orderId, status: "PENDING", reasonKey: "no_longer_needed", requestedAt: T0, respondBy: new Date(T0.getTime() + 24 * HOUR) })),
  });
  await db.dispute.createMany({
    data: disputed.map((orderId) => ({ id: `${orderId}-dispute-1`, orderId, subject: "CASE", subjectRef: `${orderId}-case-1`, status: "OPEN", openedAt: T0, decideBy: new Date(T0.getTime() + 48 * HOUR) })),
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

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe(`order lists with ${ORDERS.toLocaleString("en-US")} orders`, () => {
  it("support's first and last pages, and its dispute queue, each come back quickly and right", async () => {
    const first = await timed(() => listOrders(supportAgent, { page: 1 }));
    expect(first.result.total).toBe(ORDERS);
    expect(first.result.rows.map((row) => row.id)).toEqual(ids.slice(0, PAGE_SIZE));

    const last = await timed(() => listOrders(supportAgent, { page: 10_000 }));
    expect(last.result.page).toBe(Math.ceil(ORDERS / PAGE_SIZE));
    expect(last.result.rows.at(-1)?.id).toBe(ids.at(-1));

    const queue = await timed(() => listOrders(supportAgent, { page: 1, open: "DISPUTE" }));
    expect(queue.result.total).toBe(disputed.length);
    expect(queue.result.rows.every((row) => row.openWork === "Dispute: Open: waiting for platform support" && row.supportTarget !== null)).toBe(true);

    for (const { ms } of [first, last, queue]) expect(ms).toBeLessThan(500);
  });

  it("a seller's cancel requests waiting for an answer: only that shop's, each named", async () => {
    const { result, ms } = await timed(() => listOrders(sellerUs, { page: 1, open: "CANCEL_REQUEST" }));
    const expected = requested.filter((id) => Number(id.slice(6)) % 2 === 0);
    expect(result.total).toBe(expected.length);
    expect(result.rows.every((row) => row.openWork === "Cancel request: Waiting for the seller" && row.nextDeadline?.label)).toBe(true);
    expect(ms).toBeLessThan(500);
  });

  it("newest-first paging is read from an index, not by sorting every order", async () => {
    const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT "id" FROM "Order" ORDER BY "placedAt" DESC, "id" DESC LIMIT ${PAGE_SIZE} OFFSET 0`);
    const details = plan.map((row) => row.detail).join(" | ");
    expect(details).toMatch(/USING (COVERING )?INDEX Order_placedAt_id_idx/);
    expect(details).not.toMatch(/TEMP B-TREE/);
  });
});
