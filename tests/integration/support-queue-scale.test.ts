// Support's queue at 10,000 orders with 500 disputes waiting on support (issue 17): pages that walk
// the whole queue exactly once in target order, appeals kept from the agent who decided them first,
// counts per kind, and every statement an index range (no sort, no full scan). Speed itself is
// measured by `npm run bench`. The bulk rows are removed afterwards, so db:check sees only orders
// built the ordinary way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORT_QUEUE_KINDS, type SupportQueueKind } from "@/lib/order";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { queueFilters, supportQueue, type SupportQueueRow } from "@/lib/server/support/queue";
import { expectGoodPlans, plansFor, recordingClient } from "../support/query-plans";
import { T0, buyerAva, createWorld, supportAgent } from "../support/world";

const ORDERS = 10_000;
const WAITING = 500;
const HOUR = 3_600_000;
const ids = Array.from({ length: ORDERS }, (_, i) => `sq-${String(i).padStart(5, "0")}`);
// Every 20th order waits on support: 500, their targets scattered over four days (a fixed permutation).
const waiting = ids.filter((_, i) => i % 20 === 0);
const targetOf = (n: number) => new Date(T0.getTime() + (((n * 7919) % WAITING) - 100) * 11 * 60_000);
// One in five is an appeal of a decision Sue made; the rest are open disputes of the other kinds.
const kindOf = (n: number): SupportQueueKind => (n % 5 === 4 ? "APPEAL" : SUPPORT_QUEUE_KINDS[n % 4]!);
const pat: SessionUser = { id: "t-support-pat", role: "SUPPORT", name: "Pat Support", shopId: null, shopName: null };
const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const recorder = recordingClient(`file:${file}`);

beforeAll(async () => {
  await createWorld(db);
  const orders = ids.map((id, i) => ({
    id,
    code: `Q${i}`,
    buyerId: buyerAva.id,
    shopId: i % 2 === 0 ? "t-shop-us" : "t-shop-gl",
    status: "DELIVERED",
    policyProfile: i % 2 === 0 ? "US" : "GLOBAL",
    currency: "USD",
    itemsMinor: 1000,
    shippingFeeMinor: 0,
    totalMinor: 1000,
    paymentMethod: "CARD",
    placedAt: new Date(T0.getTime() - i * 60_000),
    openWork: i % 20 === 0 ? "DISPUTE" : null,
    version: 1,
    updatedAt: T0,
  }));
  for (let i = 0; i < orders.length; i += 1000) await db.order.createMany({ data: orders.slice(i, i + 1000) });
  await db.dispute.createMany({
    data: waiting.map((orderId, n) => {
      const kind = kindOf(n);
      const target = targetOf(n);
      return {
        id: `${orderId}-dispute-1`,
        orderId,
        worldId: "demo",
        subject: kind === "CANCEL_REJECTED" ? "CANCEL_REQUEST" : kind === "REFUND_OVERDUE" ? "REFUND" : "CASE",
        subjectRef: `${orderId}-case-1`,
        status: kind === "APPEAL" ? "APPEALED" : "OPEN",
        openedAt: new Date(target.getTime() - 48 * HOUR),
        decideBy: new Date(target.getTime() - (kind === "APPEAL" ? 72 : 0) * HOUR),
        ...(kind === "APPEAL" ? { decisionOutcome: "BUYER", decidedById: supportAgent.id, decidedAt: new Date(target.getTime() - 60 * HOUR), appealStatement: "No.", appealedAt: new Date(target.getTime() - 48 * HOUR) } : {}),
        queueKind: kind,
        targetAt: target,
      };
    }),
  });
  // Disputes already decided are not in the queue.
  await db.dispute.createMany({ data: ids.filter((_, i) => i % 20 === 10).map((orderId) => ({ id: `${orderId}-dispute-1`, orderId, worldId: "demo", subject: "CASE", subjectRef: "c", status: "DECIDED_FOR_SELLER", openedAt: T0, decideBy: T0 })) });
}, 60_000);

afterAll(async () => {
  await recorder.db.$disconnect();
  await db.dispute.deleteMany({ where: { orderId: { in: ids } } });
  await db.order.deleteMany({ where: { id: { in: ids } } });
});

async function walk(user: SessionUser, pageSize: number): Promise<SupportQueueRow[]> {
  const rows: SupportQueueRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await supportQueue(user, queueFilters({}), T0, { after, pageSize });
    rows.push(...page.rows);
    if (!page.later) return rows;
    after = page.later;
  }
}

const sorted = (rows: SupportQueueRow[]) => rows.every((row, i) => i === 0 || rows[i - 1]!.targetAt.getTime() < row.targetAt.getTime() || (rows[i - 1]!.targetAt.getTime() === row.targetAt.getTime() && rows[i - 1]!.disputeId < row.disputeId));

describe(`support's queue with ${ORDERS.toLocaleString("en-US")} orders and ${WAITING} disputes waiting`, () => {
  it("pages walk every waiting dispute exactly once, most urgent first; appeals never reach the agent who decided them", async () => {
    const forPat = await walk(pat, 50);
    expect(forPat).toHaveLength(WAITING);
    expect(new Set(forPat.map((row) => row.disputeId)).size).toBe(WAITING);
    expect(sorted(forPat)).toBe(true);
    expect(forPat[0]!.targetAt.getTime()).toBeLessThan(T0.getTime());
    const forSue = await walk(supportAgent, 50);
    expect(forSue).toHaveLength(WAITING - WAITING / 5);
    expect(forSue.some((row) => row.kind === "APPEAL")).toBe(false);
  });

  it("counts per kind, and one kind's pages", async () => {
    const page = await supportQueue(pat, queueFilters({ kind: "APPEAL" }), T0, { pageSize: 25 });
    expect(page.counts).toEqual({ REQUEST_REJECTED: 100, PARCEL_REJECTED: 100, CANCEL_REJECTED: 100, REFUND_OVERDUE: 100, APPEAL: 100 });
    expect(page.rows.every((row) => row.kind === "APPEAL")).toBe(true);
    expect(sorted(page.rows)).toBe(true);
  });

  it("every statement is an index range: no full scan, no sort", async () => {
    const first = await supportQueue(pat, queueFilters({}), T0, {});
    const plans = await plansFor(file, recorder, async () => {
      await supportQueue(pat, queueFilters({}), T0, {});
      await supportQueue(pat, queueFilters({}), T0, { after: first.later! });
      await supportQueue(pat, queueFilters({ kind: "PARCEL_REJECTED" }), T0, {});
      await supportQueue(pat, queueFilters({ shop: "t-shop-gl", age: "24", holder: "NOBODY" }), T0, {});
    });
    expectGoodPlans("support queue", plans);
  });
});
