/**
 * The timers: every deadline is acted on exactly once, at its time and not a minute earlier, even
 * when sweeps overlap; a sweep touches only due rows; the clock only moves forward.
 */
import { inEnglish } from "../support/order-state";
import { copyFileSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { resetWorld } from "@/lib/server/demo/reset-world";
import { createPrismaClient } from "@/lib/server/prisma";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { runSystemCommand } from "@/lib/server/orders/run-system-command";
import { advanceClock, appTime, readOffsetMs } from "@/lib/server/timers/sim-clock";
import { dueDeadlines, nextDeadline, sweepDueDeadlines } from "@/lib/server/timers/sweep";
import { T0, buyerAva, createOrder, createWorld } from "../support/world";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

beforeAll(async () => {
  await createWorld(db);
  await db.product.updateMany({ data: { stock: 10_000 } });
});

async function openDeadlines(orderId: string) {
  return db.deadline.findMany({ where: { orderId, resolvedAt: null }, orderBy: { dueAt: "asc" } });
}

async function systemEvents(orderId: string) {
  return db.orderEvent.count({ where: { orderId, actorRole: "SYSTEM" } });
}

/** Sweeps a minute before the order's earliest deadline (nothing happens), at it (it acts once), and again (nothing more). */
async function firesOnceOnTime(orderId: string, expectedKind: string) {
  const [deadline] = await openDeadlines(orderId);
  expect(deadline?.kind).toBe(expectedKind);
  const before = await systemEvents(orderId);
  await sweepDueDeadlines(db, new Date(deadline!.dueAt.getTime() - MINUTE));
  expect((await db.deadline.findUniqueOrThrow({ where: { id: deadline!.id } })).resolvedAt).toBeNull();
  expect(await systemEvents(orderId)).toBe(before);
  await sweepDueDeadlines(db, deadline!.dueAt);
  const after = await db.deadline.findUniqueOrThrow({ where: { id: deadline!.id } });
  expect(after.resolvedAt?.toISOString()).toBe(deadline!.dueAt.toISOString());
  const events = await systemEvents(orderId);
  expect(events).toBeGreaterThan(before);
  await sweepDueDeadlines(db, deadline!.dueAt);
  expect(await systemEvents(orderId)).toBe(events);
  return db.order.findUniqueOrThrow({ where: { id: orderId } });
}

describe("each timer acts at its deadline, exactly once", () => {
  it("payment window: an unpaid order is cancelled (after its reminder)", async () => {
    const order = await createOrder(db, { status: "UNPAID" });
    await firesOnceOnTime(order.id, "PAYMENT_REMINDER");
    expect(inEnglish((await firesOnceOnTime(order.id, "PAYMENT")).status)).toBe("CANCELLED");
  });

  it("remorse window: ON_HOLD moves on to AWAITING_SHIPMENT", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    expect(inEnglish((await firesOnceOnTime(order.id, "REMORSE_WINDOW")).status)).toBe("AWAITING_SHIPMENT");
  });

  it("a silent seller: reminder, then the cancel request is approved and refunded", async () => {
    const order = await createOrder(db, { status: "AWAITING_SHIPMENT" });
    const asked = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 2, command: { type: "REQUEST_CANCEL", reasonKey: "better_price" } }, new Date(T0.getTime() + 3 * HOUR));
    expect(asked.ok).toBe(true);
    await firesOnceOnTime(order.id, "CANCEL_REQUEST_ANSWER_REMINDER");
    expect(inEnglish((await firesOnceOnTime(order.id, "CANCEL_REQUEST_ANSWER")).status)).toBe("CANCELLED");
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("the carrier: pickup, then delivery; then the return window completes and settles the order", async () => {
    const order = await createOrder(db, { status: "AWAITING_COLLECTION" });
    expect(inEnglish((await firesOnceOnTime(order.id, "CARRIER_PICKUP")).status)).toBe("IN_TRANSIT");
    expect(inEnglish((await firesOnceOnTime(order.id, "DELIVERY")).status)).toBe("DELIVERED");
    expect(inEnglish((await firesOnceOnTime(order.id, "RETURN_WINDOW")).status)).toBe("COMPLETED");
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("the payment network: a card refund arrives on its date", async () => {
    const order = await createOrder(db, { status: "CANCELLED" });
    await firesOnceOnTime(order.id, `REFUND_ARRIVAL:cancel:${order.id}`);
    expect(inEnglish((await db.refund.findFirstOrThrow({ where: { orderId: order.id } })).status)).toBe("ARRIVED");
    expect(inEnglish(await openDeadlines(order.id))).toEqual([]);
  });

  it("a jump far ahead runs every timer in order, as if the time had passed", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const result = await sweepDueDeadlines(db, new Date(T0.getTime() + 60 * 24 * HOUR));
    expect(result.stale).toBe(0);
    const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    // Nobody shipped it: the dispatch deadline flagged it late and the auto-cancel refunded the buyer.
    expect(inEnglish(saved)).toMatchObject({ status: "CANCELLED", cancelReasonKey: "not_shipped_in_time", faultParty: "SELLER", lateDispatch: true });
    expect(inEnglish(await openDeadlines(order.id))).toEqual([]);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("the carrier can be hurried: its pickup happens now, recorded as the simulator", async () => {
    const order = await createOrder(db, { status: "AWAITING_COLLECTION" });
    const [pickup] = await openDeadlines(order.id);
    const early = new Date(pickup!.dueAt.getTime() - 2 * HOUR);
    expect((await runSystemCommand(db, order.id, { type: "HURRY_SIMULATION", deadline: "CARRIER_PICKUP" }, early)).ok).toBe(true);
    await sweepDueDeadlines(db, early);
    expect(inEnglish((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status)).toBe("IN_TRANSIT");
    // A person's deadline cannot be hurried.
    const other = await createOrder(db, { status: "AWAITING_SHIPMENT" });
    const refused = await runSystemCommand(db, other.id, { type: "HURRY_SIMULATION", deadline: "DISPATCH_AUTO_CANCEL" }, early);
    expect(inEnglish(refused)).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    expect(inEnglish(await checkOrders(db, [order.id, other.id]))).toEqual([]);
  });
});

describe("a timer that fires after someone already acted", () => {
  it("acts at the moment of that last change, so the history stays in time order", async () => {
    const order = await createOrder(db, { status: "AWAITING_SHIPMENT" });
    const dispatch = (await openDeadlines(order.id)).find((d) => d.kind === "DISPATCH")!;
    const late = new Date(dispatch.dueAt.getTime() + 2 * HOUR);
    // The seller ships two hours after the deadline, before any sweep ran.
    const { version } = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect((await runOrderCommand(db, { id: "t-seller-us", role: "SELLER", name: "S", shopId: "t-shop-us", shopName: null }, { orderId: order.id, expectedVersion: version, command: { type: "ARRANGE_SHIPMENT" } }, late)).ok).toBe(true);
    await sweepDueDeadlines(db, late);
    const flagged = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "DISPATCH_LATE" } });
    expect(flagged.at.toISOString()).toBe(late.toISOString());
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).lateDispatch).toBe(true);
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });
});

describe("overlapping sweeps", () => {
  it("never apply a deadline twice", async () => {
    const orders = [];
    for (let i = 0; i < 15; i++) orders.push(await createOrder(db, { status: "ON_HOLD", placedAt: new Date(T0.getTime() + i * 1000) }));
    const at = new Date(T0.getTime() + 2 * HOUR);
    const results = await Promise.all([sweepDueDeadlines(db, at), sweepDueDeadlines(db, at), sweepDueDeadlines(db, at)]);
    expect(results.reduce((sum, r) => sum + r.applied, 0)).toBe(15);
    for (const order of orders) {
      expect(await db.orderEvent.count({ where: { orderId: order.id, type: "REMORSE_WINDOW_ENDED" } })).toBe(1);
    }
    expect(inEnglish(await checkOrders(db, orders.map((o) => o.id)))).toEqual([]);
  });
});

describe("the simulator's clock", () => {
  it("only moves forward, records each jump, and names the next deadline", async () => {
    const real = fixedClock(new Date("2026-03-01T00:00:00Z"));
    expect(await readOffsetMs(db)).toBe(0);
    const moved = await advanceClock(db, new Date("2026-03-01T05:00:00Z"), "+5 hours", buyerAva.id, real);
    expect(inEnglish(moved.to.toISOString())).toBe("2026-03-01T05:00:00.000Z");
    expect(inEnglish((await appTime(db, real)).toISOString())).toBe("2026-03-01T05:00:00.000Z");
    const back = await advanceClock(db, new Date("2026-03-01T01:00:00Z"), "backwards", buyerAva.id, real);
    expect(inEnglish(back.to.toISOString())).toBe("2026-03-01T05:00:00.000Z");
    expect(await db.clockJump.count()).toBe(1);
    const next = await nextDeadline(db, new Date(T0.getTime() - 48 * HOUR), {});
    expect(next?.dueAt.getTime()).toBeGreaterThan(T0.getTime() - 48 * HOUR);
  });
});

describe("a sweep with 10,000 orders of which 100 are due", () => {
  const file = resolve(import.meta.dirname, "../../data/test/sweep-scale.db");
  copyFileSync(resolve(import.meta.dirname, "../../data/test/template.db"), file);
  const big = createPrismaClient(`file:${file}`);

  afterAll(async () => {
    await big.$disconnect();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  });

  it("touches only the due ones, through the deadline index", async () => {
    await createWorld(big);
    const remorse = (i: number) => new Date(T0.getTime() + (i < 100 ? -HOUR : 30 * 24 * HOUR) + i * 1000);
    const orders = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk-${i}`,
      code: `B${i}`,
      buyerId: buyerAva.id,
      shopId: "t-shop-us",
      status: "ON_HOLD",
      policyProfile: "US",
      currency: "USD",
      itemsMinor: 1000,
      shippingFeeMinor: 0,
      totalMinor: 1000,
      paymentMethod: "CARD",
      placedAt: new Date(remorse(i).getTime() - 2 * HOUR),
      paidAt: new Date(remorse(i).getTime() - HOUR),
      remorseEndsAt: remorse(i),
      version: 1,
      updatedAt: T0,
    }));
    for (let i = 0; i < orders.length; i += 2000) await big.order.createMany({ data: orders.slice(i, i + 2000) });
    for (let i = 0; i < orders.length; i += 2000) {
      await big.deadline.createMany({ data: orders.slice(i, i + 2000).map((o) => ({ orderId: o.id, kind: "REMORSE_WINDOW", dueAt: o.remorseEndsAt })) });
    }
    expect((await dueDeadlines(big, T0, 1000)).length).toBe(100);
    const result = await sweepDueDeadlines(big, T0);
    expect(inEnglish(result)).toEqual({ applied: 100, conflicts: 0, stale: 0 });
    expect(await big.order.count({ where: { status: "AWAITING_SHIPMENT" } })).toBe(100);
    expect(await big.order.count({ where: { status: "ON_HOLD" } })).toBe(9_900);

    // The query a sweep makes, as SQLite plans it: a search of the (resolvedAt, dueAt) index, not a scan.
    const plan = await big.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "id", "orderId", "kind", "dueAt" FROM "Deadline" WHERE "resolvedAt" IS NULL AND "dueAt" <= ? ORDER BY "dueAt" ASC, "id" ASC LIMIT 200`,
      T0.toISOString(),
    );
    const details = plan.map((row) => row.detail).join(" | ");
    expect(inEnglish(details)).toMatch(/SEARCH Deadline USING INDEX Deadline_dueAt_id_idx/);
    expect(inEnglish(details)).not.toMatch(/TEMP B-TREE/);
    expect(inEnglish(details)).not.toMatch(/SCAN Deadline(?! USING)/);
  });
});

describe("reset demo world", () => {
  it("restores the seeded world and real time, with the ledger still append-only", async () => {
    await advanceClock(db, new Date(Date.UTC(2030, 0, 1)), "far ahead", null);
    await resetWorld(db, new Date("2026-11-26T12:00:00Z"));
    expect(await readOffsetMs(db)).toBe(0);
    expect(await db.user.count()).toBe(12);
    expect(await db.order.count()).toBeGreaterThanOrEqual(80);
    expect(await db.clockJump.count()).toBe(0);
    const entry = await db.ledgerEntry.findFirstOrThrow();
    // The trigger is back: the delete is refused (Prisma reports SQLite's trigger abort as a constraint error) and the row stays.
    await expect(db.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow();
    expect(await db.ledgerEntry.count({ where: { id: entry.id } })).toBe(1);
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  });
});
