import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { getOrderDetail } from "@/lib/server/orders/get-order";
import { listOrders } from "@/lib/server/orders/list-orders";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { PAGE_SIZE } from "@/lib/server/pagination";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const now = new Date(T0.getTime() + 10 * 60_000);
let cancelledId = "";
let globalOrderId = "";

beforeAll(async () => {
  await createWorld(db);
  for (let i = 0; i < PAGE_SIZE + 3; i++) await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt: new Date(T0.getTime() - (i + 1) * 3_600_000) });
  const onHold = await createOrder(db, { status: "ON_HOLD" });
  cancelledId = onHold.id;
  const result = await cancelOrder(buyerAva, { orderId: onHold.id, expectedVersion: 1, reasonKey: "high_shipping_fee" }, now);
  expect(result.ok).toBe(true);
  globalOrderId = (await createOrder(db, { status: "ON_HOLD", buyerId: buyerBen.id, shopId: "t-shop-gl", items: [{ productId: "t-prod-kite", quantity: 1 }] })).id;
});

describe("order lists are scoped and paginated", () => {
  it("the seller sees their shop's orders, newest first, with the cancellation's reason and who cancelled", async () => {
    const first = await listOrders(sellerUs);
    expect(inEnglish(first)).toMatchObject({ total: PAGE_SIZE + 4, capped: false, newer: null });
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(inEnglish(first.rows[0])).toMatchObject({ id: cancelledId, status: "CANCELLED", cancellation: { reason: "Shipping fee is too high", by: "Buyer" } });
    expect(first.rows.every((row) => row.shopName === "US Test Shop")).toBe(true);
    // The next page starts after the last row shown, by (placedAt, id): no offset, nothing twice.
    const second = await listOrders(sellerUs, { after: first.older! });
    expect(second.rows).toHaveLength(4);
    expect(second.older).toBeNull();
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(PAGE_SIZE + 4);
    // And back: the page before the second is the first.
    const back = await listOrders(sellerUs, { before: second.newer! });
    expect(inEnglish(back.rows.map((row) => row.id))).toEqual(first.rows.map((row) => row.id));
    expect(back.newer).toBeNull();
  });

  it("filters by status; a cursor that does not parse is the first page", async () => {
    const cancelled = await listOrders(sellerUs, { status: "CANCELLED" });
    expect(inEnglish(cancelled.rows.map((row) => row.id))).toEqual([cancelledId]);
    expect((await listOrders(sellerUs, { after: "not-a-cursor" })).rows[0]?.id).toBe(cancelledId);
  });

  it("another shop's seller, and another buyer, see none of it", async () => {
    expect(inEnglish((await listOrders(sellerGlobal)).rows.map((row) => row.id))).toEqual([globalOrderId]);
    expect(inEnglish((await listOrders(buyerBen)).rows.map((row) => row.id))).toEqual([globalOrderId]);
    expect(await getOrderDetail(sellerGlobal, cancelledId, now)).toBeNull();
    expect(await getOrderDetail(buyerBen, cancelledId, now)).toBeNull();
  });

  it("support sees every order", async () => {
    expect((await listOrders(supportAgent)).total).toBe(PAGE_SIZE + 5);
  });

  it("the seller's notifications show the cancellation; the other shop's do not", async () => {
    const notes = await listNotifications(sellerUs, { page: 1 });
    // Newest first: the cancellation tops the shop's list of new-order and ready-to-ship notices.
    expect(say(notes.rows[0]?.title)).toMatch(/was cancelled by the buyer/);
    expect(notes.rows.filter((row) => /cancelled/.test(say(row.title)))).toHaveLength(1);
    expect((await listNotifications(sellerGlobal, { page: 1 })).rows.some((row) => /cancelled/.test(say(row.title)))).toBe(false);
    expect(say((await listNotifications(buyerAva, { page: 1 })).rows[0]?.body)).toMatch(/refund of \$88\.49 to your card/i);
  });

  it("the order page shows the buyer what they may do, and the refund a cancel would give before they submit", async () => {
    const detail = await getOrderDetail(buyerBen, globalOrderId, now);
    expect(inEnglish(detail?.actions.find((a) => a.command === "BUYER_CANCEL"))).toMatchObject({ enabled: true });
    const cancel = detail?.actions.find((a) => a.command === "BUYER_CANCEL");
    expect(inEnglish(cancel?.reasons?.map((r) => r.key))).toContain("no_longer_needed");
    expect(inEnglish(cancel?.reasons?.map((r) => r.key))).not.toContain("not_shipped_on_time");
    expect(inEnglish(cancel?.refund)).toMatchObject({ totalMinor: 4200 + 599, destination: "CARD", arrived: false });
    const cancelled = await getOrderDetail(buyerAva, cancelledId, now);
    expect(inEnglish(cancelled?.cancellation)).toMatchObject({ reason: "Shipping fee is too high", by: "the buyer", sellerFault: false });
    expect(cancelled?.refunds).toHaveLength(1);
    expect(inEnglish(cancelled?.actions.find((a) => a.command === "BUYER_CANCEL"))).toMatchObject({ enabled: false, reason: "This order is already cancelled." });
  });
});
