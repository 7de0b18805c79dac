import "server-only";
import { labelsOf, m, type Message } from "@/lib/i18n/message";
import { isPolicyKey, performanceDays, reasonLabel, type PerformanceDay, type RequestKind } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { storedDate, type SqlTx } from "../sqlite/sql-tx";

/**
 * A shop's performance (issue 16, point 3; DOMAIN "Seller performance"), counted in SQL from the
 * orders, requests, cases, disputes, refunds and events the engine stored. Each count is an index range
 * over the 30 days (Order(shopId, paidAt) and its siblings; CancelRequest(resolvedAt), ReturnCase(openedAt),
 * Dispute(decidedAt), Refund(createdAt)); no query reads every order of the shop. Only the rows behind the
 * smaller figures (answered requests, cases, disputes, refunds of the 30 days) come back as rows.
 */

/** Per day: the order counts the two rates are made of, and deliveries (the return rate's base). */
export interface DayCounts {
  day: string;
  paid: number;
  sellerFaultCancels: number;
  pickedUp: number;
  late: number;
  delivered: number;
}

/** A request the seller answered, or the platform approved for the seller's silence. */
export interface AnsweredRequest {
  orderId: string;
  kind: RequestKind;
  askedAt: Date;
  answeredAt: Date;
  /** SELLER: answered by the seller; SILENCE: approved by the platform when the seller's deadline passed; RULE: approved as it was made, by the shop's auto-approve rule. */
  by: "SELLER" | "SILENCE" | "RULE";
  /** What the answer was, for the list of orders ("Approved", "Rejected", "Partial refund offered"). */
  answer: Message;
}

export interface OpenedCase {
  orderId: string;
  at: Date;
  kind: "REFUND" | "RETURN";
  reasonKey: string;
}

export interface DecidedDispute {
  orderId: string;
  at: Date;
  /** The outcome that stands: the appeal's when it overturned the first decision. */
  won: boolean;
  overturned: boolean;
}

export interface PaidRefund {
  orderId: string;
  at: Date;
  amountMinor: number;
  currency: string;
  cause: string;
}

export interface PerformanceFacts {
  days: PerformanceDay[];
  counts: DayCounts[];
  answered: AnsweredRequest[];
  cases: OpenedCase[];
  disputes: DecidedDispute[];
  refunds: PaidRefund[];
}

export interface Shop {
  id: string;
  profile: "US" | "GLOBAL";
  currency: string;
}

export type Raw = Record<string, unknown>;

export const num = (value: unknown): number => Number(value ?? 0);
export const date = (value: unknown): Date => new Date(String(value));

/** The seller's shop in the seller's world; null for anyone else. */
export function shopOf(sql: SqlTx, user: SessionUser): Shop | null {
  if (user.role !== "SELLER" || !user.shopId) return null;
  const shop = sql.get<{ id: string; policyProfile: string; currency: string | null }>(
    `SELECT s."id", s."policyProfile", (SELECT p."currency" FROM "Product" p WHERE p."shopId" = s."id" LIMIT 1) AS "currency" FROM "Shop" s WHERE s."id" = ? AND s."worldId" = ?`,
    user.shopId,
    user.worldId ?? "demo",
  );
  if (!shop) return null;
  return { id: shop.id, profile: isPolicyKey(shop.policyProfile) ? shop.policyProfile : "US", currency: shop.currency ?? "USD" };
}

/** The days as a JSON table for SQL: each day's name and its start and end as stored dates. */
function daysJson(days: PerformanceDay[]): string {
  return JSON.stringify(days.map((d) => ({ d: d.day, s: storedDate(d.start), e: storedDate(d.end) })));
}

const DAYS = `days AS (SELECT value ->> 'd' AS day, value ->> 's' AS s, value ->> 'e' AS e FROM json_each(?))`;

function dayCounts(sql: SqlTx, shop: Shop, days: PerformanceDay[]): DayCounts[] {
  // One index range count per day and measure (Order(shopId, <time>)): 30 × 5 seeks, no row read
  // except for the few cancelled orders, whose fault is checked on the row.
  const rows = sql.all<Raw>(
    `WITH ${DAYS}
     SELECT day,
       (SELECT count(*) FROM "Order" o WHERE o.shopId = ? AND o.paidAt >= days.s AND o.paidAt < days.e) AS paid,
       (SELECT count(*) FROM "Order" o WHERE o.shopId = ? AND o.cancelledAt >= days.s AND o.cancelledAt < days.e AND o.faultParty = 'SELLER') AS sellerFaultCancels,
       (SELECT count(*) FROM "Order" o WHERE o.shopId = ? AND o.pickedUpAt >= days.s AND o.pickedUpAt < days.e) AS pickedUp,
       (SELECT count(*) FROM "Order" o WHERE o.shopId = ? AND o.pickedUpAt >= days.s AND o.pickedUpAt < days.e AND o.lateDispatch = 1) AS late,
       (SELECT count(*) FROM "Order" o WHERE o.shopId = ? AND o.deliveredAt >= days.s AND o.deliveredAt < days.e) AS delivered
     FROM days`,
    daysJson(days),
    shop.id,
    shop.id,
    shop.id,
    shop.id,
    shop.id,
  );
  // The days come back in the order of the JSON array (json_each's order); sorted here rather than in SQL.
  return rows.sort((a, b) => String(a.day).localeCompare(String(b.day))).map((row) => ({
    day: String(row.day),
    paid: num(row.paid),
    sellerFaultCancels: num(row.sellerFaultCancels),
    pickedUp: num(row.pickedUp),
    late: num(row.late),
    delivered: num(row.delivered),
  }));
}

/** A review never lasts longer than this (48 h review, 24 h for the buyer's answer to an offer, 48 h again), so cases opened earlier cannot have been answered in the window. */
const REVIEW_LOOKBACK_MS = 14 * 24 * 3_600_000;

const CASE_ANSWERS = ["RETURN_APPROVED", "CASE_REJECTED", "OFFER_MADE", "CASE_REFUNDED", "CASE_CLOSED"] as const;
const CASE_ANSWER_LABELS: Record<(typeof CASE_ANSWERS)[number], Message> = labelsOf("seller.performance.answer", ["RETURN_APPROVED", "CASE_REJECTED", "OFFER_MADE", "CASE_REFUNDED", "CASE_CLOSED"]);

function answeredRequests(sql: SqlTx, shop: Shop, from: Date, to: Date): AnsweredRequest[] {
  // (`+cr.status`: the requests are found by the window's index on resolvedAt, not by their status.)
  const cancels = sql.all<Raw>(
    `SELECT cr.orderId, cr.status, cr.requestedAt, cr.resolvedAt
     FROM CancelRequest cr JOIN "Order" o ON o.id = cr.orderId
     WHERE cr.resolvedAt >= ? AND cr.resolvedAt < ? AND o.shopId = ? AND +cr.status IN ('APPROVED', 'REJECTED', 'AUTO_APPROVED')`,
    storedDate(from),
    storedDate(to),
    shop.id,
  );
  // A case's first answer is the first of these events about it (in time: the order's event index
  // on (orderId, at) gives them in that order, ties in the order they were written): the seller's (answered) or the
  // system's approval when the review deadline passed (silence). A case closed first (withdrawn,
  // delivered) was never answered.
  const cases = sql.all<Raw>(
    `SELECT rc.orderId, rc.type, rc.openedAt,
       (SELECT e.at || '|' || e.actorRole || '|' || e.type FROM OrderEvent e
        WHERE e.orderId = rc.orderId AND e.at >= rc.openedAt AND e.type IN (${CASE_ANSWERS.map((t) => `'${t}'`).join(", ")})
          AND e.data ->> 'caseId' = rc.id
        ORDER BY e.at LIMIT 1) AS answer
     FROM ReturnCase rc JOIN "Order" o ON o.id = rc.orderId
     WHERE rc.openedAt >= ? AND rc.openedAt < ? AND o.shopId = ? AND rc.type IN ('REFUND_ONLY', 'RETURN_AND_REFUND')`,
    storedDate(new Date(from.getTime() - REVIEW_LOOKBACK_MS)),
    storedDate(to),
    shop.id,
  );
  const answered: AnsweredRequest[] = [];
  for (const row of cancels) {
    const status = String(row.status);
    const askedAt = date(row.requestedAt);
    const answeredAt = date(row.resolvedAt);
    if (status === "AUTO_APPROVED") {
      // Approved at once because the dispatch deadline had passed is not silence: the seller had no time to answer.
      if (answeredAt.getTime() <= askedAt.getTime()) continue;
      answered.push({ orderId: String(row.orderId), kind: "CANCEL", askedAt, answeredAt, by: "SILENCE", answer: m("seller.performance.answer.SILENCE") });
    } else {
      answered.push({ orderId: String(row.orderId), kind: "CANCEL", askedAt, answeredAt, by: "SELLER", answer: m(status === "APPROVED" ? "seller.performance.answer.APPROVED" : "seller.performance.answer.CASE_REJECTED") });
    }
  }
  for (const row of cases) {
    if (typeof row.answer !== "string") continue;
    const [at, role, type] = row.answer.split("|") as [string, string, (typeof CASE_ANSWERS)[number]];
    const answeredAt = date(at);
    if (type === "CASE_CLOSED" || answeredAt < from || answeredAt >= to) continue;
    // The buyer's own command refunded it: the shop's auto-approve rule approved it as it was made.
    const by = role === "SELLER" ? "SELLER" : role === "SYSTEM" ? "SILENCE" : role === "BUYER" && type === "CASE_REFUNDED" ? "RULE" : null;
    if (!by) continue;
    const answer = by === "SELLER" ? CASE_ANSWER_LABELS[type] : by === "SILENCE" ? m("seller.performance.answer.SILENCE") : m("seller.performance.answer.RULE");
    answered.push({ orderId: String(row.orderId), kind: row.type === "REFUND_ONLY" ? "REFUND" : "RETURN", askedAt: date(row.openedAt), answeredAt, by, answer });
  }
  return answered;
}

function openedCases(sql: SqlTx, shop: Shop, from: Date, to: Date): OpenedCase[] {
  const rows = sql.all<Raw>(
    `SELECT rc.orderId, rc.openedAt, rc.type, rc.reasonKey FROM ReturnCase rc JOIN "Order" o ON o.id = rc.orderId
     WHERE rc.openedAt >= ? AND rc.openedAt < ? AND o.shopId = ? AND rc.type IN ('REFUND_ONLY', 'RETURN_AND_REFUND')`,
    storedDate(from),
    storedDate(to),
    shop.id,
  );
  // The days come back in the order of the JSON array (json_each's order); sorted here rather than in SQL.
  return rows.sort((a, b) => String(a.day).localeCompare(String(b.day))).map((row) => ({ orderId: String(row.orderId), at: date(row.openedAt), kind: row.type === "REFUND_ONLY" ? "REFUND" : "RETURN", reasonKey: String(row.reasonKey) }));
}

function decidedDisputes(sql: SqlTx, shop: Shop, from: Date, to: Date): DecidedDispute[] {
  const rows = sql.all<Raw>(
    `SELECT d.orderId, d.decidedAt, d.decisionOutcome, d.appealOutcome FROM Dispute d JOIN "Order" o ON o.id = d.orderId
     WHERE d.decidedAt >= ? AND d.decidedAt < ? AND o.shopId = ? AND d.decisionOutcome IS NOT NULL`,
    storedDate(from),
    storedDate(to),
    shop.id,
  );
  return rows.map((row) => {
    const overturned = row.appealOutcome === "OVERTURNED";
    const forSeller = row.decisionOutcome === "SELLER";
    return { orderId: String(row.orderId), at: date(row.decidedAt), won: overturned ? !forSeller : forSeller, overturned };
  });
}

function paidRefunds(sql: SqlTx, shop: Shop, from: Date, to: Date): PaidRefund[] {
  // The cause: a cancelled order's cancel reason, or the case's reason. Wallet reissues of an overdue
  // refund ("remedy:") pay the same refund again from the platform, so they are not counted twice.
  const rows = sql.all<Raw>(
    `SELECT r.orderId, r.createdAt, r.totalMinor, r.currency, r.idempotencyKey, o.cancelReasonKey, rc.reasonKey AS caseReasonKey
     FROM Refund r JOIN "Order" o ON o.id = r.orderId
     LEFT JOIN ReturnCase rc ON rc.id = substr(r.idempotencyKey, 6) AND r.idempotencyKey LIKE 'case:%'
     WHERE r.createdAt >= ? AND r.createdAt < ? AND o.shopId = ? AND r.idempotencyKey NOT LIKE 'remedy:%'`,
    storedDate(from),
    storedDate(to),
    shop.id,
  );
  return rows.map((row) => {
    const key = String(row.idempotencyKey);
    const reason = key.startsWith("cancel:") ? row.cancelReasonKey : row.caseReasonKey;
    // A stable key ("cancel:<reason>", "case:<reason>", "other"): it filters the list in a URL; causeLabel names it.
    const cause = typeof reason === "string" ? `${key.startsWith("cancel:") ? "cancel" : "case"}:${reason}` : "other";
    return { orderId: String(row.orderId), at: date(row.createdAt), amountMinor: num(row.totalMinor), currency: String(row.currency), cause };
  });
}

/** Everything the performance page counts, for the 30 days up to `now` (app time). */
export function performanceFacts(sql: SqlTx, shop: Shop, now: Date): PerformanceFacts {
  const days = performanceDays(now, shop.profile, 30);
  const from = days[0]!.start;
  const to = days.at(-1)!.end;
  return {
    days,
    counts: dayCounts(sql, shop, days),
    answered: answeredRequests(sql, shop, from, to),
    cases: openedCases(sql, shop, from, to),
    disputes: decidedDisputes(sql, shop, from, to),
    refunds: paidRefunds(sql, shop, from, to),
  };
}


/** A refund cause as people read it: "Cancelled: Out of stock", "Refund or return: Damaged item", "Other". */
export function causeLabel(cause: string): Message {
  const [kind, reason] = cause.split(":");
  if (!reason) return m("seller.performance.cause.other");
  return m(kind === "cancel" ? "seller.performance.cause.cancel" : "seller.performance.cause.case", { reason: reasonLabel(reason) });
}
