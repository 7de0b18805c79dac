/**
 * Runs in a child process with DATABASE_URL set: the raw SQLite limit for a cancel's writes, the
 * buyer-cancel service with 1 and 32 callers, the timer sweep, and a seller's performance figures.
 * Prints one JSON line.
 * Usage: tsx scripts/bench/service.ts <cancels for 32 callers> <due deadlines to sweep>
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { db } from "../../lib/server/shared-db";
import { rowId } from "../../lib/ids";
import { CACHE_PRAGMAS, WRITER_PRAGMAS } from "../../lib/server/serialized-adapter";
import { cancelOrder } from "../../lib/server/orders/cancel-order";
import { storedDate } from "../../lib/server/orders/apply-decision";
import { dueDeadlines, sweepDueDeadlines } from "../../lib/server/timers/sweep";
import { sellerPerformance } from "../../lib/server/seller/performance";
import type { SessionUser } from "../../lib/server/auth/session-user";

const [cancelsArg = "2000", dueArg = "1000"] = process.argv.slice(2);
const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const now = new Date();

type Target = { id: string; version: number; buyerId: string };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The Deadline indexes before issue 32 (every deadline, open or resolved, in six indexes). */
const DEADLINE_INDEXES_BEFORE = `
  DROP INDEX "Deadline_dueAt_id_idx"; DROP INDEX "Deadline_shopId_dueAt_id_idx"; DROP INDEX "Deadline_worldId_dueAt_id_idx";
  DROP INDEX "Deadline_buyerId_dueAt_id_idx"; DROP INDEX "Deadline_shopId_kind_dueAt_id_idx";
  CREATE INDEX "Deadline_resolvedAt_dueAt_id_idx" ON "Deadline"("resolvedAt", "dueAt", "id");
  CREATE INDEX "Deadline_orderId_resolvedAt_dueAt_idx" ON "Deadline"("orderId", "resolvedAt", "dueAt");
  CREATE INDEX "Deadline_resolvedAt_shopId_dueAt_id_idx" ON "Deadline"("resolvedAt", "shopId", "dueAt", "id");
  CREATE INDEX "Deadline_resolvedAt_worldId_dueAt_id_idx" ON "Deadline"("resolvedAt", "worldId", "dueAt", "id");
  CREATE INDEX "Deadline_resolvedAt_buyerId_dueAt_id_idx" ON "Deadline"("resolvedAt", "buyerId", "dueAt", "id");
  CREATE INDEX "Deadline_resolvedAt_shopId_kind_dueAt_id_idx" ON "Deadline"("resolvedAt", "shopId", "kind", "dueAt", "id");`;

/**
 * What SQLite itself does for a cancel's writes (the same rows, prepared statements, one transaction
 * each), on a copy of the world, so the world the service is measured on stays a valid one.
 * `before`: as before issue 32 — random ids, every deadline in six full indexes, SQLite's default
 * checkpoints; otherwise as the app writes now (time-ordered ids, open-work indexes, the writer's
 * settings, lib/server/serialized-adapter.ts).
 */
function rawCancels(targets: Target[], before: boolean): { perSecond: number } {
  const copy = `${file}.raw.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
  const source = new Database(file);
  source.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  source.close();
  const raw = new Database(copy);
  raw.pragma("journal_mode = WAL");
  raw.pragma("busy_timeout = 5000");
  if (before) {
    raw.exec(DEADLINE_INDEXES_BEFORE);
    raw.pragma("synchronous = NORMAL");
  } else {
    raw.exec(WRITER_PRAGMAS);
  }
  raw.exec(CACHE_PRAGMAS);
  const newId = before ? randomUUID : rowId;
  const update = raw.prepare(`UPDATE "Order" SET status = 'CANCELLED', version = version + 1, "updatedAt" = ? WHERE id = ? AND version = ?`);
  const event = raw.prepare(`INSERT INTO "OrderEvent" (id, "orderId", seq, type, "fromStatus", "toStatus", "actorRole", "actorId", summary, data, at) VALUES (?, ?, ?, 'ORDER_CANCELLED', 'ON_HOLD', 'CANCELLED', 'BUYER', ?, 'bench', '{}', ?)`);
  const refund = raw.prepare(`INSERT INTO "Refund" (id, "orderId", "idempotencyKey", currency, "itemsMinor", "shippingMinor", "postageDeductedMinor", "totalMinor", destination, status, "createdAt", "expectedArrivalAt") VALUES (?, ?, ?, 'USD', 100, 0, 0, 100, 'CARD', 'PENDING', ?, ?)`);
  const posting = raw.prepare(`INSERT INTO "LedgerEntry" (id, "transactionId", "orderId", account, "amountMinor", currency, kind, at) VALUES (?, ?, ?, ?, ?, 'USD', 'REFUND', ?)`);
  const deadlines = raw.prepare(`UPDATE "Deadline" SET "resolvedAt" = ?, resolution = 'CLOSED' WHERE "orderId" = ? AND "resolvedAt" IS NULL`);
  const deadline = raw.prepare(`INSERT INTO "Deadline" (id, "orderId", kind, "dueAt") VALUES (?, ?, ?, ?)`);
  const notify = raw.prepare(`INSERT INTO "Notification" (id, "shopId", "orderId", kind, title, body, "createdAt") VALUES (?, NULL, ?, 'ORDER_CANCELLED', 'bench', 'bench', ?)`);
  const restock = raw.prepare(`UPDATE "Product" SET stock = stock + 1 WHERE id = (SELECT "productId" FROM "OrderItem" WHERE "orderId" = ? LIMIT 1)`);
  const cancel = raw.transaction((t: Target) => {
    const at = storedDate(now);
    update.run(at, t.id, t.version);
    event.run(newId(), t.id, t.version + 1, t.buyerId, at);
    refund.run(newId(), t.id, `raw:${t.id}`, at, at);
    const tx = newId();
    posting.run(newId(), tx, t.id, "escrow", -100, at);
    posting.run(newId(), tx, t.id, `buyer:${t.buyerId}`, 100, at);
    deadlines.run(at, t.id);
    deadline.run(newId(), t.id, `REFUND_ARRIVAL:raw:${t.id}`, at);
    notify.run(newId(), t.id, at);
    notify.run(newId(), t.id, at);
    restock.run(t.id);
  });
  const started = performance.now();
  for (const target of targets) cancel(target);
  const seconds = (performance.now() - started) / 1000;
  raw.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(copy + suffix, { force: true });
  return { perSecond: targets.length / seconds };
}

async function serviceCancels(targets: Target[], callers: number) {
  const latencies: number[] = [];
  let failed = 0;
  const queue = [...targets];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        const user: SessionUser = { id: target.buyerId, role: "BUYER", name: "Bench", shopId: null, shopName: null };
        const t0 = performance.now();
        const result = await cancelOrder(user, { orderId: target.id, expectedVersion: target.version, idempotencyKey: randomUUID(), reasonKey: "bought_by_mistake" }, now);
        latencies.push(performance.now() - t0);
        if (!result.ok) failed += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { callers, cancels: targets.length, failed, perSecond: targets.length / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function sweep(due: number) {
  const batch = await dueDeadlines(db, new Date(now.getTime() + 400 * 24 * 3_600_000), due);
  const at = batch.at(-1)?.dueAt ?? now;
  const started = performance.now();
  const result = await sweepDueDeadlines(db, at, { batch: 200, maxRounds: Math.ceil(due / 200) + 2 });
  const seconds = (performance.now() - started) / 1000;
  return { due: batch.length, applied: result.applied, seconds };
}

/** The performance page's figures for the shop with the most orders: the median of 7 runs, in ms. */
async function performanceFigures() {
  const [busiest] = await db.order.groupBy({ by: ["shopId"], _count: { _all: true }, orderBy: { _count: { shopId: "desc" } }, take: 1 });
  const seller = await db.user.findFirstOrThrow({ where: { shopId: busiest!.shopId, role: "SELLER" }, include: { shop: true } });
  const user: SessionUser = { id: seller.id, role: "SELLER", name: seller.name, shopId: seller.shopId, shopName: seller.shop!.name, worldId: seller.shop!.worldId };
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    await sellerPerformance(user, now);
    times.push(performance.now() - started);
  }
  return { shopOrders: busiest!._count._all, ms: percentile(times, 50) };
}

const wanted = Number(cancelsArg);
const pool = (await db.order.findMany({
  where: { status: "ON_HOLD", remorseEndsAt: { gt: new Date(now.getTime() + 10 * 60_000) } },
  select: { id: true, version: true, buyerId: true },
  take: wanted + 200 + 2000,
})) as Target[];
const rawTargets = pool.slice(0, Math.min(2000, Math.floor(pool.length / 3)));
const single = pool.slice(rawTargets.length, rawTargets.length + 200);
const many = pool.slice(rawTargets.length + 200, rawTargets.length + 200 + wanted);

// The same write set as before issue 32 and as the app writes now, each on its own copy.
const rawRandom = rawCancels(rawTargets, true);
const rawLimit = rawCancels(rawTargets, false);
const one = await serviceCancels(single, 1);
const thirtyTwo = await serviceCancels(many, 32);
const swept = await sweep(Number(dueArg));
const figures = await performanceFigures();
console.log(JSON.stringify({ orders: await db.order.count(), rawPerSecond: rawLimit.perSecond, rawRandomPerSecond: rawRandom.perSecond, one, thirtyTwo, sweep: swept, performance: figures }));
await db.$disconnect();
