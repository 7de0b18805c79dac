/**
 * Every pre-shipment service: the happy path, the wrong person, the wrong state, a stale page and a
 * replayed idempotency key — through the real runner, on a fresh migrated database.
 */
import { say, inEnglish } from "../support/order-state";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { STALE_ORDER_MESSAGE, type Result } from "@/lib/errors";
import type { OrderStatus } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { approveCancelRequest } from "@/lib/server/orders/approve-cancel-request";
import { arrangeShipment } from "@/lib/server/orders/arrange-shipment";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
import { operatorCancelOrder } from "@/lib/server/orders/operator-cancel-order";
import { payOrder } from "@/lib/server/orders/pay-order";
import { rejectCancelRequest } from "@/lib/server/orders/reject-cancel-request";
import { requestCancel } from "@/lib/server/orders/request-cancel";
import type { OrderCommandResult } from "@/lib/server/orders/run-order-command";
import { sellerCancelOrder } from "@/lib/server/orders/seller-cancel-order";
import { withdrawCancelRequest } from "@/lib/server/orders/withdraw-cancel-request";
import { T0, buyerAva, buyerBen, createOrder, createWorld, sellerGlobal, sellerUs, supportAgent } from "../support/world";

const HOUR = 3_600_000;
type Input = { orderId: string; expectedVersion: number; idempotencyKey?: string; reasonKey: string };
type Service = (user: SessionUser, input: Input, now: Date) => Promise<Result<OrderCommandResult>>;

interface Case {
  name: string;
  service: Service;
  user: SessionUser;
  /** Another person of the same role who may not touch this order. */
  stranger: SessionUser;
  /** Someone of another role. */
  wrongRole: SessionUser;
  setup: () => Promise<{ id: string }>;
  /** A state where the command is refused. */
  wrongState: () => Promise<{ id: string }>;
  reasonKey?: string;
  at: Date;
  to: OrderStatus;
}

/** An AWAITING_SHIPMENT order of Ava's at the US shop with a pending cancel request. */
async function withPendingRequest() {
  const order = await createOrder(db, { status: "AWAITING_SHIPMENT" });
  const result = await requestCancel(buyerAva, { orderId: order.id, expectedVersion: 2, reasonKey: "better_price" }, new Date(T0.getTime() + 2 * HOUR));
  expect(result.ok).toBe(true);
  return order;
}

const cases: Case[] = [
  { name: "pay", service: payOrder as Service, user: buyerAva, stranger: buyerBen, wrongRole: sellerUs, setup: () => createOrder(db, { status: "UNPAID" }), wrongState: () => createOrder(db, { status: "ON_HOLD" }), at: new Date(T0.getTime() + 60_000), to: "ON_HOLD" },
  { name: "buyer cancel", service: cancelOrder as Service, user: buyerAva, stranger: buyerBen, wrongRole: sellerUs, setup: () => createOrder(db, { status: "ON_HOLD" }), wrongState: () => createOrder(db, { status: "IN_TRANSIT" }), reasonKey: "no_longer_needed", at: new Date(T0.getTime() + 10 * 60_000), to: "CANCELLED" },
  { name: "request cancel", service: requestCancel as Service, user: buyerAva, stranger: buyerBen, wrongRole: sellerUs, setup: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), wrongState: () => createOrder(db, { status: "ON_HOLD" }), reasonKey: "better_price", at: new Date(T0.getTime() + 2 * HOUR), to: "AWAITING_SHIPMENT" },
  { name: "withdraw cancel request", service: withdrawCancelRequest as Service, user: buyerAva, stranger: buyerBen, wrongRole: sellerUs, setup: withPendingRequest, wrongState: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), at: new Date(T0.getTime() + 3 * HOUR), to: "AWAITING_SHIPMENT" },
  { name: "approve cancel request", service: approveCancelRequest as Service, user: sellerUs, stranger: sellerGlobal, wrongRole: buyerAva, setup: withPendingRequest, wrongState: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), at: new Date(T0.getTime() + 3 * HOUR), to: "CANCELLED" },
  { name: "reject cancel request", service: rejectCancelRequest as Service, user: sellerUs, stranger: sellerGlobal, wrongRole: buyerAva, setup: withPendingRequest, wrongState: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), reasonKey: "already_packed", at: new Date(T0.getTime() + 3 * HOUR), to: "AWAITING_SHIPMENT" },
  { name: "seller cancel", service: sellerCancelOrder as Service, user: sellerUs, stranger: sellerGlobal, wrongRole: buyerAva, setup: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), wrongState: () => createOrder(db, { status: "UNPAID" }), reasonKey: "out_of_stock", at: new Date(T0.getTime() + 3 * HOUR), to: "CANCELLED" },
  { name: "arrange shipment", service: arrangeShipment as Service, user: sellerUs, stranger: sellerGlobal, wrongRole: buyerAva, setup: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), wrongState: () => createOrder(db, { status: "ON_HOLD" }), at: new Date(T0.getTime() + 3 * HOUR), to: "AWAITING_COLLECTION" },
  { name: "operator cancel", service: operatorCancelOrder as Service, user: supportAgent, stranger: supportAgent, wrongRole: sellerUs, setup: () => createOrder(db, { status: "AWAITING_SHIPMENT" }), wrongState: () => createOrder(db, { status: "IN_TRANSIT" }), reasonKey: "potential_fraud", at: new Date(T0.getTime() + 3 * HOUR), to: "CANCELLED" },
];

beforeAll(async () => {
  await createWorld(db);
});

async function snapshot(orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, version: true } });
  const [events, refunds, ledger, notes] = await Promise.all([
    db.orderEvent.count({ where: { orderId } }),
    db.refund.count({ where: { orderId } }),
    db.ledgerEntry.count({ where: { orderId } }),
    db.notification.count({ where: { orderId } }),
  ]);
  return { ...order, events, refunds, ledger, notes };
}

describe.each(cases)("$name", (c) => {
  const input = async (orderId: string, extra: Partial<Input> = {}) => ({
    orderId,
    expectedVersion: (await db.order.findUniqueOrThrow({ where: { id: orderId } })).version,
    reasonKey: c.reasonKey ?? "",
    ...extra,
  });

  it("works for the person it is for, and the audit trail replays", async () => {
    const order = await c.setup();
    const result = await c.service(c.user, await input(order.id), c.at);
    expect(inEnglish(result)).toMatchObject({ ok: true, value: { orderId: order.id, status: c.to } });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(c.to);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("is not found for someone else's order, forbidden to another role, and changes nothing", async () => {
    const order = await c.setup();
    const before = await snapshot(order.id);
    if (c.stranger !== c.user) {
      const result = await c.service(c.stranger, await input(order.id), c.at);
      expect(inEnglish(result)).toEqual({ ok: false, error: { code: "NOT_FOUND", message: "We couldn't find that order." } });
    }
    const wrongRole = await c.service(c.wrongRole, await input(order.id), c.at);
    expect(inEnglish(wrongRole.ok ? null : wrongRole.error.code)).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("is refused in the wrong state with a reason, changing nothing", async () => {
    const order = await c.wrongState();
    const before = await snapshot(order.id);
    // The command comes after the order's last change: history only moves forward.
    const { updatedAt } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const at = new Date(Math.max(c.at.getTime(), updatedAt.getTime() + 60_000));
    const result = await c.service(c.user, await input(order.id), at);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe("INVALID_TRANSITION");
      expect(say(result.error.message).length).toBeGreaterThan(15);
    }
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("a stale page gets the 'order changed' message", async () => {
    const order = await c.setup();
    const before = await snapshot(order.id);
    const result = await c.service(c.user, await input(order.id, { expectedVersion: before.version + 1 }), c.at);
    expect(inEnglish(result)).toEqual({ ok: false, error: { code: "CONFLICT", message: say(STALE_ORDER_MESSAGE) } });
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(before));
  });

  it("a replayed idempotency key returns the first result and does nothing again", async () => {
    const order = await c.setup();
    const key = randomUUID();
    const first = await c.service(c.user, await input(order.id, { idempotencyKey: key }), c.at);
    const after = await snapshot(order.id);
    const again = await c.service(c.user, { ...(await input(order.id, { idempotencyKey: key })), expectedVersion: after.version - 1 }, new Date(c.at.getTime() + 1000));
    expect(first.ok).toBe(true);
    expect(inEnglish(again)).toEqual(inEnglish(first));
    expect(inEnglish(await snapshot(order.id))).toEqual(inEnglish(after));
  });
});

describe("idempotency keys belong to one person and one order", () => {
  it("someone else's key is refused, not replayed", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const key = randomUUID();
    expect((await cancelOrder(buyerAva, { orderId: order.id, expectedVersion: 1, idempotencyKey: key, reasonKey: "other" }, new Date(T0.getTime() + 600_000))).ok).toBe(true);
    const other = await createOrder(db, { status: "ON_HOLD" });
    const reuse = await cancelOrder(buyerAva, { orderId: other.id, expectedVersion: 1, idempotencyKey: key, reasonKey: "other" }, new Date(T0.getTime() + 600_000));
    expect(inEnglish(reuse)).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: other.id } })).status)).toBe("ON_HOLD");
  });
});
