import "server-only";
import { DEADLINE_LABELS, MUST_MEET_DEADLINES, ROLE_NOUNS, isReminder, parseDeadlineKey, isSupportQueueKind, type SupportQueueKind } from "@/lib/order";
import { duration, m, type Message } from "@/lib/i18n/message";
import { orderScope, type SessionUser } from "../auth/session-user";
import { markConversationRead, readConversation, type ConversationMessage } from "../conversations/conversation";
import { readOrderDetail, type OrderDetail } from "../orders/get-order";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx, placeholders } from "../sqlite/sql-tx";

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
 * null otherwise (the page answers 404). One snapshot on the page reads' connection (issue 32).
 */
export async function caseView(user: SessionUser, disputeId: string, now: Date): Promise<CaseView | null> {
  if (user.role !== "SUPPORT") return null;
  const read = readSql((sql) => readCaseView(sql, user, disputeId, now));
  if (!read) return null;
  // Reading the case shows support the conversation: it is read for them, as on the order page.
  if (read.markReadAt) await markConversationRead(user, read.view.order.id, read.markReadAt);
  return read.view;
}

type Raw = Record<string, string | number | null>;

/** The case in one snapshot on the page reads' connection: the order page's reads, then the case's own. */
function readCaseView(sql: SqlTx, user: SessionUser, disputeId: string, now: Date): { view: CaseView; markReadAt: Date | null } | null {
  const { worldId } = orderScope(user);
  const row = sql.get<Raw>(
    `SELECT d."orderId", d."subjectRef", d."queueKind", d."targetAt", d."assigneeId", d."assignedAt", d."decidedById", d."appealDecidedById", o."buyerId", o."shopId"
      FROM "Dispute" d JOIN "Order" o ON o."id" = d."orderId" WHERE d."id" = ? AND d."worldId" = ?`,
    disputeId,
    worldId,
  );
  if (!row) return null;
  const orderId = row.orderId as string;
  const order = readOrderDetail(sql, user, orderId, now);
  const dispute = order?.disputes.find((d) => d.id === disputeId);
  if (!order || !dispute) return null;

  const evidence = sql.all<Raw>(`SELECT "id", "caseId", "disputeId", "ownerId", "ownerRole", "createdAt" FROM "Evidence" WHERE "orderId" = ? ORDER BY "createdAt" ASC, "id" ASC`, orderId);
  const conversation = readConversation(sql, user, orderId);
  const deadlines = sql
    .all<Raw>(`SELECT "kind", "dueAt", "resolvedAt", "resolution" FROM "Deadline" WHERE "orderId" = ? ORDER BY "dueAt" ASC, "id" ASC`, orderId)
    .map((d) => ({ kind: d.kind as string, dueAt: dateOf(d.dueAt as string)!, resolvedAt: dateOf(d.resolvedAt as string | null), resolution: d.resolution as string | null }));
  const events = sql.all<{ at: string; actorRole: string }>(`SELECT "at", "actorRole" FROM "OrderEvent" WHERE "orderId" = ?`, orderId).map((e) => ({ at: dateOf(e.at)!, actorRole: e.actorRole }));
  const signals = partyRecords(sql, row.buyerId as string, row.shopId as string);
  const ids = (values: (string | number | null | undefined)[]) => values.filter((id): id is string => typeof id === "string" && id.length > 0);
  const people = [...new Set(ids([row.assigneeId, row.decidedById, row.appealDecidedById, ...evidence.map((e) => e.ownerId)]))];
  const names = new Map(people.length ? sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "User" WHERE "id" IN (${placeholders(people)})`, ...people).map((u) => [u.id, u.name]) : []);
  const nameOf = (id: string | number | null | undefined) => (typeof id === "string" && id ? (names.get(id) ?? "someone no longer here") : "");
  const queueKind = (row.queueKind as string | null) ?? "";

  const view: CaseView = {
    order,
    dispute,
    kind: isSupportQueueKind(queueKind) ? queueKind : null,
    targetAt: dateOf(row.targetAt as string | null),
    holder: row.assigneeId && row.assignedAt ? { id: row.assigneeId as string, name: nameOf(row.assigneeId), at: dateOf(row.assignedAt as string)! } : null,
    agentNames: Object.fromEntries(ids([row.decidedById, row.appealDecidedById]).map((id) => [id, nameOf(id)])),
    photos: evidence
      // This dispute's statements, and the case it is about (the request's photos, the seller's inspection).
      .filter((e) => e.disputeId === disputeId || (!e.disputeId && e.caseId === row.subjectRef))
      .map((e) => ({
        id: e.id as string,
        party: e.ownerRole === "SELLER" ? "SELLER" : "BUYER",
        uploadedBy: nameOf(e.ownerId),
        at: dateOf(e.createdAt as string)!,
        context: m(e.disputeId ? "support.case.photoContext.statement" : e.ownerRole === "SELLER" ? "support.case.photoContext.inspection" : "support.case.photoContext.request"),
      })),
    conversation: conversation?.conversation.messages ?? [],
    deadlines: deadlines.flatMap((d) => {
      const kind = parseDeadlineKey(d.kind)?.kind;
      if (!kind || isReminder(kind)) return [];
      return [{ label: DEADLINE_LABELS[kind], dueAt: d.dueAt, resolvedAt: d.resolvedAt, ...verdictOf(d, events, MUST_MEET_DEADLINES.includes(kind)) }];
    }),
    signals,
  };
  return { view, markReadAt: conversation?.markReadAt ?? null };
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
function partyRecords(sql: SqlTx, buyerId: string, shopId: string): CaseView["signals"] {
  const row = sql.get<Record<string, unknown>>(
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
  ) ?? {};
  const n = (key: string) => Number(row[key] ?? 0);
  return { buyerOrders: n("buyerOrders"), buyerRequests: n("buyerRequests"), buyerDisputes: n("buyerDisputes"), buyerWon: n("buyerWon"), shopOrders: n("shopOrders"), shopDisputes: n("shopDisputes"), shopLost: n("shopLost"), shopWon: n("shopWon") };
}
