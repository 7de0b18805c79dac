import "server-only";
import { DEADLINE_LABELS, MUST_MEET_DEADLINES, ROLE_NOUNS, isReminder, parseDeadlineKey, isSupportQueueKind, type SupportQueueKind } from "@/lib/order";
import { duration, m, type Message } from "@/lib/i18n/message";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { getConversation, type ConversationMessage } from "../conversations/conversation";
import { getOrderDetail, type OrderDetail } from "../orders/get-order";
import type { Db } from "../prisma";

/** A photo as support's gallery shows it: who uploaded it, when, and with what. */
export interface GalleryPhoto {
  id: string;
  party: "BUYER" | "SELLER";
  uploadedBy: string;
  at: Date;
  /** What it came with: the request, the seller's inspection, or a dispute statement. */
  context: Message;
}

export interface DeadlineHistoryRow {
  label: Message;
  dueAt: Date;
  resolvedAt: Date | null;
  /** Was it met? In a sentence: "Answered by the seller 3 h early", "Passed: the platform acted", "Open". */
  verdict: Message;
  late: boolean;
}

export interface CaseView {
  order: OrderDetail;
  dispute: OrderDetail["disputes"][number];
  kind: SupportQueueKind | null;
  targetAt: Date | null;
  holder: { id: string; name: string; at: Date } | null;
  /** The agents named on the case (first decision, appeal), by id. */
  agentNames: Record<string, string>;
  photos: GalleryPhoto[];
  conversation: ConversationMessage[];
  deadlines: DeadlineHistoryRow[];
  signals: { buyerOrders: number; buyerRequests: number; buyerDisputes: number; buyerWon: number; shopOrders: number; shopDisputes: number; shopLost: number; shopWon: number };
}

/** "3 h 05 min", "9 d 16 h". */
const hours = (ms: number) => duration(Math.max(ms, 60_000));

/**
 * Everything support weighs on one dispute (issue 17, point 3): the order page's DTO (the engine's
 * actions, timeline, money), the evidence with who uploaded it, the conversation, the deadline
 * history with whether each was met, and both parties' records. Support only, within its world;
 * null otherwise (the page answers 404).
 */
export async function caseView(user: SessionUser, disputeId: string, now: Date, db: Db = readDb): Promise<CaseView | null> {
  if (user.role !== "SUPPORT") return null;
  const { worldId } = orderScope(user);
  const row = await db.dispute.findFirst({
    where: { id: disputeId, worldId },
    select: { orderId: true, subjectRef: true, queueKind: true, targetAt: true, assigneeId: true, assignedAt: true, decidedById: true, appealDecidedById: true, order: { select: { buyerId: true, shopId: true } } },
  });
  if (!row) return null;
  const order = await getOrderDetail(user, row.orderId, now);
  const dispute = order?.disputes.find((d) => d.id === disputeId);
  if (!order || !dispute) return null;

  const [evidence, conversation, deadlines, events, signals] = await Promise.all([
    db.evidence.findMany({ where: { orderId: row.orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, caseId: true, disputeId: true, ownerId: true, ownerRole: true, createdAt: true } }),
    getConversation(user, row.orderId),
    db.deadline.findMany({ where: { orderId: row.orderId }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: { kind: true, dueAt: true, resolvedAt: true, resolution: true } }),
    db.orderEvent.findMany({ where: { orderId: row.orderId }, select: { at: true, actorRole: true } }),
    partyRecords(db, row.order.buyerId, row.order.shopId),
  ]);
  const people = [...new Set([row.assigneeId, row.decidedById, row.appealDecidedById, ...evidence.map((e) => e.ownerId)].filter((id): id is string => Boolean(id)))];
  const names = new Map((await db.user.findMany({ where: { id: { in: people } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "someone no longer here") : "");

  return {
    order,
    dispute,
    kind: row.queueKind && isSupportQueueKind(row.queueKind) ? row.queueKind : null,
    targetAt: row.targetAt,
    holder: row.assigneeId && row.assignedAt ? { id: row.assigneeId, name: nameOf(row.assigneeId), at: row.assignedAt } : null,
    agentNames: Object.fromEntries([row.decidedById, row.appealDecidedById].filter((id): id is string => Boolean(id)).map((id) => [id, nameOf(id)])),
    photos: evidence
      // This dispute's statements, and the case it is about (the request's photos, the seller's inspection).
      .filter((e) => e.disputeId === disputeId || (!e.disputeId && e.caseId === row.subjectRef))
      .map((e) => ({
        id: e.id,
        party: e.ownerRole === "SELLER" ? "SELLER" : "BUYER",
        uploadedBy: nameOf(e.ownerId),
        at: e.createdAt,
        context: m(e.disputeId ? "support.case.photoContext.statement" : e.ownerRole === "SELLER" ? "support.case.photoContext.inspection" : "support.case.photoContext.request"),
      })),
    conversation: conversation?.messages ?? [],
    deadlines: deadlines.flatMap((d) => {
      const kind = parseDeadlineKey(d.kind)?.kind;
      if (!kind || isReminder(kind)) return [];
      return [{ label: DEADLINE_LABELS[kind], dueAt: d.dueAt, resolvedAt: d.resolvedAt, ...verdictOf(d, events, MUST_MEET_DEADLINES.includes(kind)) }];
    }),
    signals,
  };
}

/** Whether a deadline was met: who closed it (the event at that moment) and when, against when it was due. */
function verdictOf(deadline: { dueAt: Date; resolvedAt: Date | null; resolution: string | null }, events: { at: Date; actorRole: string }[], mustMeet: boolean): { verdict: Message; late: boolean } {
  if (!deadline.resolvedAt) return { verdict: m("support.verdict.open"), late: false };
  if (deadline.resolution === "STALE") return { verdict: m("support.verdict.stale"), late: false };
  const closer = events.find((event) => event.at.getTime() === deadline.resolvedAt!.getTime());
  const early = deadline.dueAt.getTime() - deadline.resolvedAt.getTime();
  const who = ROLE_NOUNS[(closer?.actorRole ?? "SYSTEM") as "BUYER" | "SELLER" | "SUPPORT" | "SYSTEM"] ?? ROLE_NOUNS.SYSTEM;
  if (!mustMeet) return { verdict: early > 0 && closer?.actorRole !== "SYSTEM" ? m("support.verdict.endedEarly", { time: hours(early), who }) : m("support.verdict.ended"), late: false };
  if (!closer || closer.actorRole === "SYSTEM") return { verdict: early > 0 ? m("support.verdict.endedByPlatform") : m("support.verdict.passed"), late: early <= 0 };
  return early >= 0 ? { verdict: m("support.verdict.met", { time: hours(early), who }), late: false } : { verdict: m("support.verdict.late", { time: hours(-early), who }), late: true };
}

/** This buyer's and this shop's history in numbers (this dispute included): one statement. */
async function partyRecords(db: Db, buyerId: string, shopId: string): Promise<CaseView["signals"]> {
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT
      (SELECT count(*) FROM "Order" WHERE "buyerId" = ?) AS buyerOrders,
      (SELECT count(*) FROM "Order" o CROSS JOIN "ReturnCase" c ON c."orderId" = o."id" WHERE o."buyerId" = ? AND c."type" <> 'REFUSED_PARCEL') AS buyerRequests,
      (SELECT count(*) FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" WHERE o."buyerId" = ?) AS buyerDisputes,
      (SELECT count(*) FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" WHERE o."buyerId" = ? AND d."decisionOutcome" = 'BUYER' AND d."appealOutcome" IS NOT 'OVERTURNED') AS buyerWon,
      (SELECT count(*) FROM "Order" WHERE "shopId" = ?) AS shopOrders,
      (SELECT count(*) FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" WHERE o."shopId" = ?) AS shopDisputes,
      (SELECT count(*) FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" WHERE o."shopId" = ? AND d."decisionOutcome" = 'BUYER' AND d."appealOutcome" IS NOT 'OVERTURNED') AS shopLost,
      (SELECT count(*) FROM "Order" o CROSS JOIN "Dispute" d ON d."orderId" = o."id" WHERE o."shopId" = ? AND (d."decisionOutcome" = 'SELLER' OR d."appealOutcome" = 'OVERTURNED')) AS shopWon`,
    ...[buyerId, buyerId, buyerId, buyerId, shopId, shopId, shopId, shopId],
  );
  const row = rows[0] ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return { buyerOrders: n("buyerOrders"), buyerRequests: n("buyerRequests"), buyerDisputes: n("buyerDisputes"), buyerWon: n("buyerWon"), shopOrders: n("shopOrders"), shopDisputes: n("shopDisputes"), shopLost: n("shopLost"), shopWon: n("shopWon") };
}
