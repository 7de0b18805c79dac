import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { createPrismaClient } from "@/lib/server/prisma";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { T0, buyerAva, createOrder, createWorld, sellerUs } from "../support/world";

const root = resolve(import.meta.dirname, "../..");
// A database of its own, deleted afterwards: the tampering below must not fail npm test's own db:check.
const file = resolve(root, "data/test/tampered.db");
copyFileSync(resolve(root, "data/test/template.db"), file);
const db = createPrismaClient(`file:${file}`);

beforeAll(async () => {
  await createWorld(db);
});

afterAll(async () => {
  await db.$disconnect();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});

function runCheck(target = file): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, ["--import", "tsx", "scripts/db-check.ts", target], { cwd: root, env: { ...process.env }, encoding: "utf8", stdio: "pipe" });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: failed.stdout + failed.stderr };
  }
}

describe("npm run db:check", () => {
  it("passes on orders built and changed through the engine", async () => {
    const order = await createOrder(db, { status: "ON_HOLD" });
    const cancelled = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: 1, command: { type: "BUYER_CANCEL", reasonKey: "other" } }, new Date(T0.getTime() + 600_000));
    expect(cancelled.ok).toBe(true);
    await createOrder(db, { status: "COMPLETED" });
    expect(await checkOrders(db)).toEqual([]);
    const { code, output } = runCheck();
    expect(code).toBe(0);
    expect(output).toMatch(/all invariants hold/);
  });

  it("catches a tampered ledger row, naming the order and the invariant, and exits non-zero", async () => {
    const order = await createOrder(db, { status: "DELIVERED", code: "TAMPERED01" });
    const payment = await db.ledgerEntry.findFirstOrThrow({ where: { orderId: order.id, kind: "PAYMENT", account: "escrow" } });
    // The ledger is append-only, so a tamperer can only add: a one-sided posting into the same transaction.
    await db.$executeRawUnsafe(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "orderId", account, "amountMinor", currency, kind, at) VALUES ('tamper-1', ?, ?, 'buyer:t-buyer-ava', 500, 'USD', 'PAYMENT', ?)`,
      payment.transactionId,
      order.id,
      payment.at.toISOString(),
    );
    const problems = await checkOrders(db, [order.id]);
    expect(problems).toContainEqual(expect.objectContaining({ orderId: order.id, invariant: "ledger balances" }));
    const { code, output } = runCheck();
    expect(code).toBe(1);
    expect(output).toMatch(new RegExp(`order ${order.id} \\(TAMPERED01\\): ledger balances`));
  });

  it("catches a state that its events do not explain", async () => {
    const order = await createOrder(db, { status: "AWAITING_SHIPMENT" });
    await db.order.update({ where: { id: order.id }, data: { status: "IN_TRANSIT" } });
    const problems = await checkOrders(db, [order.id]);
    expect(problems).toContainEqual(expect.objectContaining({ invariant: "events replay to the stored state", detail: expect.stringContaining("status") }));
  });

  it("catches an order listed in a queue it does not wait on", async () => {
    const order = await createOrder(db, { status: "AWAITING_SHIPMENT" });
    expect(await checkOrders(db, [order.id])).toEqual([]);
    await db.order.update({ where: { id: order.id }, data: { openWork: "DISPUTE" } });
    const problems = await checkOrders(db, [order.id]);
    expect(problems).toContainEqual(expect.objectContaining({ invariant: "listed in the queue it waits on", detail: "stored DISPUTE, waits on nothing" }));
  });

  it("refuses a database file that does not exist, instead of creating an empty one", () => {
    const missing = resolve(root, "data/test/no-such-database.db");
    const { code, output } = runCheck(missing);
    expect(code).toBe(2);
    expect(output).toContain(`no database at ${missing}`);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("US Buyer Protection in db:check", () => {
  it("a claim refunded after settlement comes from the seller's balance and holds; one paid from anywhere else is caught", async () => {
    const order = await createOrder(db, { status: "COMPLETED", code: "PROTECT01" });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const day = (n: number) => new Date(row.deliveredAt!.getTime() + n * 24 * 3_600_000);
    const claim = await runOrderCommand(db, buyerAva, { orderId: order.id, expectedVersion: row.version, command: { type: "REQUEST_RETURN", caseType: "REFUND_ONLY", reasonKey: "damaged", description: "Cracked", photoCount: 1 } }, day(45));
    expect(claim.ok).toBe(true);
    const approved = await runOrderCommand(db, sellerUs, { orderId: order.id, expectedVersion: row.version + 1, command: { type: "APPROVE_RETURN" } }, day(46));
    expect(approved).toMatchObject({ ok: true, value: { status: "COMPLETED", refund: { totalMinor: row.totalMinor } } });
    const postings = await db.ledgerEntry.findMany({ where: { orderId: order.id, kind: "PROTECTION_REFUND" }, select: { account: true, amountMinor: true } });
    expect(postings).toEqual(expect.arrayContaining([{ account: "seller:t-shop-us", amountMinor: -row.totalMinor }, { account: `buyer:${row.buyerId}`, amountMinor: row.totalMinor }]));
    expect(await checkOrders(db, [order.id])).toEqual([]);

    // A second "protection refund" paid by the platform: refunded more than paid, and not from the seller.
    await db.$executeRawUnsafe(
      `INSERT INTO "LedgerEntry" (id, "transactionId", "orderId", account, "amountMinor", currency, kind, at) VALUES ('tamper-p1', 'tamper-pt', ?, 'platform', -100, 'USD', 'PROTECTION_REFUND', ?), ('tamper-p2', 'tamper-pt', ?, ?, 100, 'USD', 'PROTECTION_REFUND', ?)`,
      order.id,
      day(47).toISOString(),
      order.id,
      `buyer:${row.buyerId}`,
      day(47).toISOString(),
    );
    const problems = (await checkOrders(db, [order.id])).map((p) => p.invariant);
    expect(problems).toEqual(expect.arrayContaining(["Buyer Protection refunds come from the seller", "refunded ≤ paid", "no duplicate refund"]));
  });
});
