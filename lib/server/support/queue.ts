import "server-only";
import { SUPPORT_QUEUE_KINDS, isSupportQueueKind, type PolicyKey, type SupportQueueKind } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { decodeKeyset, encodeKeyset } from "../pagination";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx, type SqlValue, placeholders } from "../sqlite/sql-tx";

export const SUPPORT_QUEUE_PAGE_SIZE = 25;

/** How long a case has waited for support: since the dispute opened, or since the seller appealed. */
export const AGE_FILTERS = { "12": "12 hours or more", "24": "24 hours or more", "48": "48 hours or more" } as const;
export type AgeFilter = keyof typeof AGE_FILTERS;
/** Whose cases: anyone's, the agent's own, or those nobody has taken. */
export const HOLDER_FILTERS = { ANY: "Anyone's", MINE: "Mine", NOBODY: "Not taken" } as const;
export type HolderFilter = keyof typeof HOLDER_FILTERS;

export interface SupportQueueFilters {
  kind: SupportQueueKind | null;
  shopId: string | null;
  profile: PolicyKey | null;
  age: AgeFilter | null;
  holder: HolderFilter;
}

/** The filters from a page's search params; anything unknown is "all". */
export function queueFilters(params: Record<string, string | string[] | undefined>): SupportQueueFilters {
  const one = (name: string) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const kind = one("kind");
  const profile = one("profile");
  const age = one("age");
  const holder = one("holder");
  return {
    kind: isSupportQueueKind(kind) ? kind : null,
    shopId: /^[A-Za-z0-9_:-]{1,100}$/.test(one("shop")) ? one("shop") : null,
    profile: profile === "US" || profile === "GLOBAL" ? profile : null,
    age: age in AGE_FILTERS ? (age as AgeFilter) : null,
    holder: holder in HOLDER_FILTERS ? (holder as HolderFilter) : "ANY",
  };
}

/**
 * The disputes waiting on this agent's team in the agent's world, as SQL. An appeal is routed only to
 * agents other than the one who made the first decision, so it is not in that agent's queue at all.
 * Both queueKind and targetAt are set exactly while a dispute waits on support; asking for both lets
 * either index skip the rest.
 */
function queueWhere(user: SessionUser, filters: Omit<SupportQueueFilters, "kind">, now: Date): { sql: string; params: SqlValue[]; joinsOrder: boolean } {
  const parts = [`d."worldId" = ?`, `d."queueKind" IS NOT NULL`, `d."targetAt" IS NOT NULL`, `NOT (d."status" = 'APPEALED' AND coalesce(d."decidedById", '') = ?)`];
  const params: SqlValue[] = [orderScope(user).worldId, user.id];
  if (filters.holder === "MINE") {
    parts.push(`d."assigneeId" = ?`);
    params.push(user.id);
  } else if (filters.holder === "NOBODY") parts.push(`d."assigneeId" IS NULL`);
  if (filters.shopId) {
    parts.push(`q."shopId" = ?`);
    params.push(filters.shopId);
  }
  if (filters.profile) {
    parts.push(`q."policyProfile" = ?`);
    params.push(filters.profile);
  }
  if (filters.age) {
    const waitedSince = new Date(now.getTime() - Number(filters.age) * 3_600_000);
    parts.push(`((d."status" = 'OPEN' AND d."openedAt" <= ?) OR (d."status" = 'APPEALED' AND d."appealedAt" <= ?))`);
    params.push(waitedSince, waitedSince);
  }
  return { sql: parts.join(" AND "), params, joinsOrder: Boolean(filters.shopId || filters.profile) };
}

export interface SupportQueueRow {
  disputeId: string;
  orderId: string;
  /** The order's version as listed: "Take this case" from the queue is refused if it changed since. */
  version: number;
  code: string;
  kind: SupportQueueKind;
  shopName: string;
  buyerName: string;
  profile: string;
  totalMinor: number;
  currency: string;
  /** Since when it has waited for support (the dispute's opening, or the appeal). */
  waitingSince: Date;
  targetAt: Date;
  holder: { id: string; name: string; at: Date } | null;
  /** Support's open question to a party, with its answer target. */
  asked: { party: "BUYER" | "SELLER"; answerBy: Date } | null;
}

export interface SupportQueuePage {
  rows: SupportQueueRow[];
  /** Per kind, under the shop, profile, age and holder filters: the kind tabs show them. */
  counts: Record<SupportQueueKind, number>;
  later: string | null;
}

type Raw = Record<string, string | number | null>;

/**
 * Support's queue, most urgent first by support's decision target (overdue first), a page at a
 * time: keyset on (targetAt, id), one seek on Dispute(worldId, [queueKind,] targetAt, id) with the
 * order, its shop and buyer joined by key. The counts per kind are one grouped count over the same
 * index; the holders' names one more statement. One snapshot on the page reads' connection.
 */
export async function supportQueue(user: SessionUser, filters: SupportQueueFilters, now: Date, options: { after?: string; pageSize?: number } = {}): Promise<SupportQueuePage> {
  if (user.role !== "SUPPORT") return { rows: [], counts: emptyCounts(), later: null };
  return readSql((sql) => readSupportQueue(sql, user, filters, now, options));
}

export function readSupportQueue(sql: SqlTx, user: SessionUser, filters: SupportQueueFilters, now: Date, options: { after?: string; pageSize?: number } = {}): SupportQueuePage {
  const size = Math.min(options.pageSize ?? SUPPORT_QUEUE_PAGE_SIZE, 200);
  const after = decodeKeyset(options.after);
  const base = queueWhere(user, filters, now);
  const from = `"Dispute" d${base.joinsOrder ? ` JOIN "Order" q ON q."id" = d."orderId"` : ""}`;
  const kind = filters.kind ? { sql: ` AND d."queueKind" = ?`, params: [filters.kind] } : { sql: "", params: [] };
  const position = after ? { sql: ` AND (d."targetAt" > ? OR (d."targetAt" = ? AND d."id" > ?))`, params: [after.at, after.at, after.id] } : { sql: "", params: [] };
  const disputes = sql.all<Raw>(
    `SELECT d."id", d."status", d."queueKind", d."targetAt", d."openedAt", d."appealedAt", d."assigneeId", d."assignedAt", d."infoParty", d."infoAnswerBy", d."infoAnsweredAt",
        q."id" AS "orderId", q."version", q."code", q."policyProfile", q."totalMinor", q."currency", s."name" AS "shopName", b."name" AS "buyerName"
      FROM "Dispute" d JOIN "Order" q ON q."id" = d."orderId" JOIN "Shop" s ON s."id" = q."shopId" JOIN "User" b ON b."id" = q."buyerId"
      WHERE ${base.sql}${kind.sql}${position.sql} ORDER BY d."targetAt" ASC, d."id" ASC LIMIT ${size + 1}`,
    ...base.params,
    ...kind.params,
    ...position.params,
  );
  const grouped = sql.all<{ queueKind: string | null; n: number }>(`SELECT d."queueKind", count(*) AS "n" FROM ${from} WHERE ${base.sql} GROUP BY d."queueKind"`, ...base.params);
  const page = disputes.slice(0, size);
  const holderIds = [...new Set(page.flatMap((d) => (d.assigneeId ? [d.assigneeId as string] : [])))];
  const holders = holderIds.length ? sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "User" WHERE "id" IN (${placeholders(holderIds)})`, ...holderIds) : [];
  const nameOf = new Map(holders.map((h) => [h.id, h.name]));
  const counts = emptyCounts();
  for (const group of grouped) if (group.queueKind && isSupportQueueKind(group.queueKind)) counts[group.queueKind] = group.n;
  const last = page[page.length - 1];
  const date = (value: string | number | null | undefined) => dateOf((value as string | null | undefined) ?? null);
  return {
    counts,
    later: disputes.length > size && last?.targetAt ? encodeKeyset(date(last.targetAt)!, last.id as string) : null,
    rows: page.map((d) => ({
      disputeId: d.id as string,
      orderId: d.orderId as string,
      version: d.version as number,
      code: d.code as string,
      kind: isSupportQueueKind((d.queueKind as string | null) ?? "") ? (d.queueKind as SupportQueueKind) : "REQUEST_REJECTED",
      shopName: d.shopName as string,
      buyerName: d.buyerName as string,
      profile: d.policyProfile as string,
      totalMinor: d.totalMinor as number,
      currency: d.currency as string,
      waitingSince: d.status === "APPEALED" && d.appealedAt ? date(d.appealedAt)! : date(d.openedAt)!,
      targetAt: date(d.targetAt)!,
      holder: d.assigneeId && d.assignedAt ? { id: d.assigneeId as string, name: nameOf.get(d.assigneeId as string) ?? "another agent", at: date(d.assignedAt)! } : null,
      asked: d.status === "OPEN" && d.infoParty && d.infoAnswerBy && !d.infoAnsweredAt ? { party: d.infoParty === "SELLER" ? "SELLER" : "BUYER", answerBy: date(d.infoAnswerBy)! } : null,
    })),
  };
}

function emptyCounts(): Record<SupportQueueKind, number> {
  return Object.fromEntries(SUPPORT_QUEUE_KINDS.map((kind) => [kind, 0])) as Record<SupportQueueKind, number>;
}

/** The shops of the agent's world, for the shop filter. */
export async function queueShops(user: SessionUser): Promise<{ id: string; name: string }[]> {
  return readSql((sql) => sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "Shop" WHERE "worldId" = ? ORDER BY "name" ASC`, orderScope(user).worldId));
}
