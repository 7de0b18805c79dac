/**
 * Many people and the timers acting on the same orders at the same moment: each race has exactly
 * one winner, the others are told the order changed (or that the action no longer applies), the
 * books stay straight and nothing is refunded twice.
 */
import { say, inEnglish } from "../support/order-state";
import { beforeAll, describe, expect, it } from "vitest";
import { STALE_ORDER_MESSAGE } from "@/lib/errors";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR, runOrderCommand } from "@/lib/server/orders/run-order-command";
import { T0, buyerAva, createOrder, createWorld, sellerUs } from "../support/world";

const HOUR = 3_600_000;

beforeAll(async () => {
  await createWorld(db);
  // Enough lamps and pens for every order below.
  await db.product.updateMany({ data: { stock: 1000 } });
});

describe("races on the same order", () => {
  it("buyer withdraw vs seller approve vs seller arrange vs the answer timer: one winner per order, never two refunds", async () => {
    const orders = [];
    for (let i = 0; i < 12; i++) orders.push(await createOrder(db, { status: "AWAITING_SHIPMENT", placedAt: new Date(T0.getTime() + i * 1000) }));
    const requestedAt = new Date(T0.getTime() + 2 * HOUR);
    for (const order of orders) {
      const asked = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 2, command: { type: "REQUEST_CANCEL", reasonKey: "better_price" } }, requestedAt);
      expect(asked.ok).toBe(true);
    }
    // Everyone acts on what they saw (version 3), the timer at the answer deadline (it needs no version).
    const answerDue = new Date(requestedAt.getTime() + 24 * HOUR);
    const races = orders.map((order) =>
      Promise.all([
        runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 3, command: { type: "WITHDRAW_CANCEL_REQUEST" } }, answerDue),
        runOrderCommand(db, sellerUs, { orderId: order.id, expectedVersion: 3, command: { type: "APPROVE_CANCEL_REQUEST" } }, answerDue),
        runOrderCommand(db, sellerUs, { orderId: order.id, expectedVersion: 3, command: { type: "ARRANGE_SHIPMENT" } }, answerDue),
        runOrderCommand(db, SYSTEM_ACTOR, { orderId: order.id, command: { type: "CANCEL_REQUEST_TIMEOUT" } }, answerDue),
      ]),
    );
    const outcomes = await Promise.all(races);
    for (const [i, results] of outcomes.entries()) {
      const winners = results.filter((r) => r.ok);
      expect(winners, `order ${i}`).toHaveLength(1);
      for (const loser of results.filter((r) => !r.ok)) {
        expect(inEnglish(loser.ok ? null : loser.error.code)).toMatch(/CONFLICT|INVALID_TRANSITION/);
        if (!loser.ok && loser.error.code === "CONFLICT") expect(say(loser.error.message)).toBe(say(STALE_ORDER_MESSAGE));
      }
      expect(await db.refund.count({ where: { orderId: orders[i]!.id } })).toBeLessThanOrEqual(1);
    }
    expect(inEnglish(await checkOrders(db, orders.map((o) => o.id)))).toEqual([]);
  });

  it("fifty simultaneous cancels of the same order with the same version: one cancel, one refund", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const at = new Date(T0.getTime() + 10 * 60_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 1, command: { type: "BUYER_CANCEL", reasonKey: "other" } }, at)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.message === STALE_ORDER_MESSAGE)).toBe(true);
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("the same double click (one idempotency key) sent fifty times: one command, fifty identical answers", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const at = new Date(T0.getTime() + 10 * 60_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 1, idempotencyKey: `click-${order.id}`, command: { type: "BUYER_CANCEL", reasonKey: "other" } }, at),
      ),
    );
    const ok = results.filter((r) => r.ok);
    // The first wins; the rest either see its stored result or lose the version race before it was stored.
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(inEnglish(r)).toEqual(inEnglish(ok[0]));
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: "ORDER_CANCELLED" } })).toBe(1);
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
  });
});
