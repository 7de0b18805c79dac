/**
 * The invariant check behind `npm run db:check`: for every order, the ledger balances, escrow never
 * goes negative, nothing is refunded beyond what was paid or twice, a finished order holds nothing,
 * and replaying its events through the rule engine rebuilds exactly the state that is stored.
 */
import {
  FINAL_CASE_STATUSES,
  FINAL_STATUSES,
  accounts,
  buyerStageOf,
  openWorkOf,
  replayHistory,
  policyFor,
  supportQueueKind,
  supportTarget,
  type OrderState,
  type Role,
} from "@/lib/order";
import { orderStateSelect, toOrderState } from "../orders/order-state";
import type { Db } from "../prisma";

export interface Problem {
  orderId: string;
  code: string;
  invariant: string;
  detail: string;
}

const BATCH = 200;
const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** Checks every order (or the ones named) and returns what is wrong; empty when all is well. */
export async function checkOrders(db: Db, orderIds?: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  let cursor: string | undefined;
  for (;;) {
    // Prisma reads an order and its events, ledger and refunds in several queries; one read transaction
    // gives them one snapshot, so a server writing meanwhile (the timer sweep) cannot make a half-read
    // order look broken.
    const after = cursor;
    const rows = await db.$transaction(
      (tx) =>
        tx.order.findMany({
          where: orderIds ? { id: { in: orderIds } } : {},
          orderBy: { id: "asc" },
          take: BATCH,
          ...(after ? { skip: 1, cursor: { id: after } } : {}),
          select: {
            ...orderStateSelect,
            openWork: true,
            buyerStage: true,
            worldId: true,
            events: { orderBy: { seq: "asc" }, select: { seq: true, type: true, actorRole: true, actorId: true, at: true, data: true } },
            // Every posting of the order, not only escrow's: each transaction must balance.
            ledgerEntries: { select: { transactionId: true, account: true, amountMinor: true, kind: true, at: true } },
          },
        }),
      { timeout: 60_000 },
    );
    for (const row of rows) problems.push(...checkOrder(row));
    if (rows.length < BATCH) break;
    cursor = rows[rows.length - 1]!.id;
  }
  return problems;
}

type StateRow = Parameters<typeof toOrderState>[0];
type CheckedRow = Omit<StateRow, "ledgerEntries" | "refunds"> & {
  id: string;
  code: string;
  version: number;
  openWork: string | null;
  buyerStage: string | null;
  worldId: string;
  events: { seq: number; type: string; actorRole: string; actorId: string | null; at: Date; data: string }[];
  ledgerEntries: { transactionId: string; account: string; amountMinor: number; kind: string; at: Date }[];
  refunds: StateRow["refunds"];
};

export function checkOrder(row: CheckedRow): Problem[] {
  const problems: Problem[] = [];
  const report = (invariant: string, detail: string) => problems.push({ orderId: row.id, code: row.code, invariant, detail });

  // The ledger: every transaction balances; escrow, taken in time order, never goes below zero.
  const transactions = new Map<string, number>();
  for (const entry of row.ledgerEntries) transactions.set(entry.transactionId, (transactions.get(entry.transactionId) ?? 0) + entry.amountMinor);
  for (const [id, sum] of transactions) if (sum !== 0) report("ledger balances", `transaction ${id} sums to ${sum}`);

  const escrow = row.ledgerEntries.filter((entry) => entry.account === accounts.escrow);
  const byTime = new Map<number, number>();
  for (const entry of escrow) byTime.set(entry.at.getTime(), (byTime.get(entry.at.getTime()) ?? 0) + entry.amountMinor);
  let held = 0;
  for (const [at, change] of [...byTime].sort(([a], [b]) => a - b)) {
    held += change;
    if (held < 0) report("escrow never negative", `escrow is ${held} after ${new Date(at).toISOString()}`);
  }
  const sum = (kind: string) => escrow.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amountMinor, 0);
  const paid = sum("PAYMENT");
  // A US Buyer Protection refund after settlement comes from the seller's balance, not escrow: the
  // shop's own account pays it, only after the order settled, and it counts towards what was refunded.
  const protection = row.ledgerEntries.filter((entry) => entry.kind === "PROTECTION_REFUND");
  const protectedMinor = protection.filter((entry) => entry.account === accounts.buyer(row.buyerId) || entry.account === accounts.wallet(row.buyerId)).reduce((total, entry) => total + entry.amountMinor, 0);
  const settledAt = row.ledgerEntries.filter((entry) => entry.kind === "SETTLEMENT").map((entry) => entry.at.getTime());
  for (const entry of protection.filter((e) => e.amountMinor < 0)) {
    if (entry.account !== accounts.seller(row.shopId)) report("Buyer Protection refunds come from the seller", `paid from ${entry.account}`);
    if (!settledAt.some((at) => at <= entry.at.getTime())) report("Buyer Protection refunds come after settlement", `at ${entry.at.toISOString()} before any settlement`);
  }
  const refunded = -sum("REFUND") + protectedMinor;
  if (refunded > paid) report("refunded ≤ paid", `refunded ${refunded} of ${paid} paid`);

  // Every refund row has its posting, and no posting lacks its row (nothing refunded twice).
  const refundRows = row.refunds.filter((refund) => !refund.idempotencyKey.startsWith("remedy:")).reduce((total, refund) => total + refund.totalMinor, 0);
  if (refundRows !== refunded) report("no duplicate refund", `refund rows total ${refundRows}, refunded ${refunded}`);

  let stored: OrderState;
  try {
    stored = toOrderState(row);
  } catch (error) {
    report("state is readable", (error as Error).message);
    return problems;
  }
  const caseOpen = stored.returnCase && !FINAL_CASE_STATUSES.includes(stored.returnCase.status);
  if (FINAL_STATUSES.includes(stored.status) && !caseOpen && held !== 0) report("a finished order holds nothing in escrow", `${held} still held`);
  // The queue an order is listed in is what it waits on.
  const waitsOn = openWorkOf(stored);
  if (row.openWork !== waitsOn) report("listed in the queue it waits on", `stored ${row.openWork ?? "none"}, waits on ${waitsOn ?? "nothing"}`);
  // And under the buyer's stage it is in.
  const stage = buyerStageOf({ status: stored.status, openWork: waitsOn });
  if (row.buyerStage !== stage) report("listed under the buyer's stage it is in", `stored ${row.buyerStage ?? "none"}, is in ${stage ?? "none"}`);
  // Each dispute is in support's queue it waits in, with support's target, in the order's world.
  const policy = policyFor(stored.policyProfile);
  for (const dispute of stored.disputes) {
    const columns = row.disputes.find((d) => d.id === dispute.id)!;
    const kind = supportQueueKind(stored, dispute);
    const target = supportTarget({ status: dispute.status, decideBy: dispute.decideBy, appealedAt: dispute.appeal?.at ?? null }, policy);
    if (columns.worldId !== row.worldId || columns.queueKind !== kind || iso(columns.targetAt) !== iso(target)) {
      report("disputes listed in support's queue they wait in", `${dispute.id}: stored ${columns.worldId}/${columns.queueKind ?? "none"}/${iso(columns.targetAt) ?? "-"}, waits in ${row.worldId}/${kind ?? "none"}/${iso(target) ?? "-"}`);
    }
  }

  // The audit trail: one event per version, and replaying them rebuilds the stored state.
  const seqs = row.events.map((event) => event.seq);
  const outOfOrder = row.events.find((event, i) => i > 0 && event.at.getTime() < row.events[i - 1]!.at.getTime());
  if (outOfOrder) report("history moves forward in time", `event ${outOfOrder.seq} (${outOfOrder.type}) is dated before the one before it`);
  if (seqs.join(",") !== Array.from({ length: row.version + 1 }, (_, i) => i).join(",")) report("one event per version", `events ${seqs.join(",")} for version ${row.version}`);
  const replay = replayEvents(row, stored);
  if ("error" in replay) report("events replay", replay.error);
  else if (JSON.stringify(project(replay.state)) !== JSON.stringify(project(stored))) {
    report("events replay to the stored state", diff(project(replay.state), project(stored)));
  }
  return problems;
}

function replayEvents(row: CheckedRow, stored: OrderState): { state: OrderState } | { error: string } {
  const replay = replayHistory(
    stored,
    row.events.map((event) => ({ seq: event.seq, type: event.type, actor: { role: event.actorRole as Role, id: event.actorId }, at: event.at, data: event.data })),
    policyFor(stored.policyProfile),
  );
  if ("error" in replay) return { error: replay.error };
  return { state: replay.steps[replay.steps.length - 1]!.state };
}

/** What must agree between the stored order and its replay. */
function project(state: OrderState) {
  return {
    status: state.status,
    paidAt: iso(state.paidAt),
    remorseEndsAt: iso(state.remorseEndsAt),
    awaitingShipmentAt: iso(state.awaitingShipmentAt),
    dispatchDueAt: iso(state.dispatchDueAt),
    arrangedAt: iso(state.arrangedAt),
    pickedUpAt: iso(state.pickedUpAt),
    lateDispatch: state.lateDispatch,
    deliveredAt: iso(state.deliveredAt),
    returnWindowEndsAt: iso(state.returnWindowEndsAt),
    cancelRequest: state.cancelRequest && { status: state.cancelRequest.status, reasonKey: state.cancelRequest.reasonKey, rejectReasonKey: state.cancelRequest.rejectReasonKey },
    returnCase: state.returnCase && {
      id: state.returnCase.id,
      type: state.returnCase.type,
      status: state.returnCase.status,
      offerMinor: state.returnCase.offerMinor,
      refundMinor: state.returnCase.refundMinor,
      refundOnArrival: state.returnCase.refundOnArrival,
    },
    caseCount: state.caseCount,
    refunds: state.refunds.map((refund) => `${refund.key}:${refund.status}:${refund.totalMinor}`).sort(),
    disputes: state.disputes
      .map((d) => `${d.id}:${d.status}:${d.statements.length}:${d.assignee?.agentId ?? "-"}:${d.infoRequest ? `${d.infoRequest.party}@${iso(d.infoRequest.answerBy)}/${iso(d.infoRequest.answeredAt) ?? "open"}` : "-"}`)
      .sort(),
    escrowMinor: state.escrowMinor,
    deadlines: Object.entries(state.deadlines)
      .map(([key, dueAt]) => `${key}@${iso(dueAt)}`)
      .sort(),
  };
}

function diff(replayed: ReturnType<typeof project>, stored: ReturnType<typeof project>): string {
  return (Object.keys(stored) as (keyof typeof stored)[])
    .filter((key) => JSON.stringify(replayed[key]) !== JSON.stringify(stored[key]))
    .map((key) => `${key}: replay ${JSON.stringify(replayed[key])}, stored ${JSON.stringify(stored[key])}`)
    .join("; ");
}
