import "server-only";
import { SUPPORT_QUEUE_KINDS, isSupportQueueKind, type PolicyKey, type SupportQueueKind } from "@/lib/order";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { decodeKeyset, encodeKeyset } from "../pagination";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../prisma";

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
 * The disputes waiting on this agent's team in the agent's world. An appeal is routed only to agents
 * other than the one who made the first decision, so it is not in that agent's queue at all.
 */
function queueWhere(user: SessionUser, filters: Omit<SupportQueueFilters, "kind">, now: Date): Prisma.DisputeWhereInput {
  const waitedSince = filters.age ? new Date(now.getTime() - Number(filters.age) * 3_600_000) : null;
  return {
    worldId: orderScope(user).worldId,
    // Both are set exactly while a dispute waits on support; asking for both lets either index skip the rest.
    queueKind: { not: null },
    targetAt: { not: null },
    NOT: { status: "APPEALED", decidedById: user.id },
    ...(filters.holder === "MINE" ? { assigneeId: user.id } : filters.holder === "NOBODY" ? { assigneeId: null } : {}),
    ...(filters.shopId || filters.profile ? { order: { ...(filters.shopId ? { shopId: filters.shopId } : {}), ...(filters.profile ? { policyProfile: filters.profile } : {}) } } : {}),
    ...(waitedSince ? { OR: [{ status: "OPEN", openedAt: { lte: waitedSince } }, { status: "APPEALED", appealedAt: { lte: waitedSince } }] } : {}),
  };
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

/**
 * Support's queue, most urgent first by support's decision target (overdue first), a page at a
 * time: keyset on (targetAt, id), one seek on Dispute(worldId, [queueKind,] targetAt, id). The
 * counts per kind are one grouped count over the same index; names come in one more query.
 */
export async function supportQueue(user: SessionUser, filters: SupportQueueFilters, now: Date, options: { after?: string; pageSize?: number } = {}, db: Db = readDb): Promise<SupportQueuePage> {
  if (user.role !== "SUPPORT") return { rows: [], counts: emptyCounts(), later: null };
  const size = Math.min(options.pageSize ?? SUPPORT_QUEUE_PAGE_SIZE, 200);
  const after = decodeKeyset(options.after);
  const base = queueWhere(user, filters, now);
  const [disputes, grouped] = await Promise.all([
    db.dispute.findMany({
      where: {
        AND: [
          base,
          filters.kind ? { queueKind: filters.kind } : {},
          after ? { OR: [{ targetAt: { gt: after.at } }, { targetAt: after.at, id: { gt: after.id } }] } : {},
        ],
      },
      orderBy: [{ targetAt: "asc" }, { id: "asc" }],
      take: size + 1,
      select: {
        id: true,
        status: true,
        queueKind: true,
        targetAt: true,
        openedAt: true,
        appealedAt: true,
        assigneeId: true,
        assignedAt: true,
        infoParty: true,
        infoAnswerBy: true,
        infoAnsweredAt: true,
        order: { select: { id: true, version: true, code: true, policyProfile: true, totalMinor: true, currency: true, shop: { select: { name: true } }, buyer: { select: { name: true } } } },
      },
    }),
    db.dispute.groupBy({ by: ["queueKind"], where: base, _count: { _all: true } }),
  ]);
  const page = disputes.slice(0, size);
  const holderIds = [...new Set(page.flatMap((d) => (d.assigneeId ? [d.assigneeId] : [])))];
  const holders = holderIds.length ? await db.user.findMany({ where: { id: { in: holderIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(holders.map((h) => [h.id, h.name]));
  const counts = emptyCounts();
  for (const group of grouped) if (group.queueKind && isSupportQueueKind(group.queueKind)) counts[group.queueKind] = group._count._all;
  const last = page[page.length - 1];
  return {
    counts,
    later: disputes.length > size && last?.targetAt ? encodeKeyset(last.targetAt, last.id) : null,
    rows: page.map((d) => ({
      disputeId: d.id,
      orderId: d.order.id,
      version: d.order.version,
      code: d.order.code,
      kind: isSupportQueueKind(d.queueKind ?? "") ? (d.queueKind as SupportQueueKind) : "REQUEST_REJECTED",
      shopName: d.order.shop.name,
      buyerName: d.order.buyer.name,
      profile: d.order.policyProfile,
      totalMinor: d.order.totalMinor,
      currency: d.order.currency,
      waitingSince: d.status === "APPEALED" && d.appealedAt ? d.appealedAt : d.openedAt,
      targetAt: d.targetAt!,
      holder: d.assigneeId && d.assignedAt ? { id: d.assigneeId, name: nameOf.get(d.assigneeId) ?? "another agent", at: d.assignedAt } : null,
      asked: d.status === "OPEN" && d.infoParty && d.infoAnswerBy && !d.infoAnsweredAt ? { party: d.infoParty === "SELLER" ? "SELLER" : "BUYER", answerBy: d.infoAnswerBy } : null,
    })),
  };
}

function emptyCounts(): Record<SupportQueueKind, number> {
  return Object.fromEntries(SUPPORT_QUEUE_KINDS.map((kind) => [kind, 0])) as Record<SupportQueueKind, number>;
}

/** The shops of the agent's world, for the shop filter. */
export async function queueShops(user: SessionUser, db: Db = readDb): Promise<{ id: string; name: string }[]> {
  return db.shop.findMany({ where: { worldId: orderScope(user).worldId }, orderBy: { name: "asc" }, select: { id: true, name: true } });
}
