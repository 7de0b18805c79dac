/**
 * The buyer's home by stage (issue 29): each order under the stage a shopper expects, counted; an
 * open return case puts a delivered order under Returns & refunds; completed orders only under All.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { buyerStageCounts, listOrders } from "@/lib/server/orders/list-orders";
import { requestReturn } from "@/lib/server/orders/request-return";
import { buyerStageOf } from "@/lib/order";
import { T0, buyerAva, buyerBen, createOrder, createWorld } from "../support/world";

const ids: Record<string, string> = {};

beforeAll(async () => {
  await createWorld(db);
  for (const status of ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"] as const) {
    ids[status] = (await createOrder(db, { status, placedAt: new Date(T0.getTime() - 10 * 86_400_000) })).id;
  }
  const returning = await createOrder(db, { status: "DELIVERED", placedAt: new Date(T0.getTime() - 10 * 86_400_000) });
  ids.RETURNING = returning.id;
  const order = await db.order.findUniqueOrThrow({ where: { id: returning.id } });
  const asked = await requestReturn(buyerAva, { orderId: order.id, expectedVersion: order.version, caseType: "RETURN_AND_REFUND", reasonKey: "changed_mind", description: "", photos: [] }, new Date(order.deliveredAt!.getTime() + 3_600_000));
  expect(asked.ok).toBe(true);
  // Another buyer's order is never counted.
  await createOrder(db, { status: "UNPAID", buyerId: buyerBen.id });
});

describe("a buyer's orders by stage", () => {
  it("counts each stage, and All", async () => {
    expect(await buyerStageCounts(buyerAva)).toEqual({ ALL: 8, TO_PAY: 1, TO_SHIP: 2, SHIPPED: 1, TO_REVIEW: 1, RETURNS: 1, CANCELLED: 1 });
  });

  it("lists each stage's orders: an open return is under Returns & refunds, not To review; a completed order only under All", async () => {
    const of = async (stage: string) => (await listOrders(buyerAva, { stage })).rows.map((row) => row.id).sort();
    expect(await of("TO_PAY")).toEqual([ids.UNPAID]);
    expect(await of("TO_SHIP")).toEqual([ids.ON_HOLD, ids.AWAITING_SHIPMENT].sort());
    expect(await of("SHIPPED")).toEqual([ids.IN_TRANSIT]);
    expect(await of("TO_REVIEW")).toEqual([ids.DELIVERED]);
    expect(await of("RETURNS")).toEqual([ids.RETURNING]);
    expect(await of("CANCELLED")).toEqual([ids.CANCELLED]);
    expect((await listOrders(buyerAva, { stage: "nonsense" })).rows).toHaveLength(8);
  });

  it("the engine names the same stage for a row", () => {
    expect(buyerStageOf({ status: "DELIVERED", openWork: "CASE" })).toBe("RETURNS");
    expect(buyerStageOf({ status: "AWAITING_SHIPMENT", openWork: "CANCEL_REQUEST" })).toBe("TO_SHIP");
    expect(buyerStageOf({ status: "COMPLETED", openWork: null })).toBeNull();
  });
});
