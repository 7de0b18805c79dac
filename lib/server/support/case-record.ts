import "server-only";
import type { Message } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { ROLE_LABELS } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readOrderDetail } from "../orders/get-order";
import { readSql } from "../sqlite/read-sql";
import { dateOf, placeholders } from "../sqlite/sql-tx";

/**
 * A dispute as a record (issue 17, point 6): the order, both sides' statements, the evidence with
 * each photo's SHA-256, the decision and its rationale, the appeal, and the order's timeline, for
 * support's files. Support only, and only a dispute of support's world.
 */
export interface CaseRecord {
  exportedAt: string;
  order: { id: string; code: string; status: string; shop: string; buyer: string; currency: string; totalMinor: number };
  dispute: {
    id: string;
    subject: string;
    status: string;
    openedAt: string;
    supportTarget: string | null;
    statements: { party: string; text: string; at: string; evidence: string[] }[];
    decision: { outcome: string; amountMinor: number | null; returnRequired: boolean; rationale: string; decidedBy: string; at: string } | null;
    appeal: { statement: string; at: string; outcome: string | null; rationale: string | null; decidedBy: string | null } | null;
  };
  evidence: { id: string; from: string; contentType: string; sizeBytes: number; sha256: string; at: string }[];
  timeline: { at: string; actor: string; summary: string }[];
}

/** `render` writes the record's sentences in a language (the viewer's; English by default). */
export async function caseRecord(user: SessionUser, disputeId: string, now: Date, render: (message: Message) => string = english().render): Promise<CaseRecord | null> {
  if (user.role !== "SUPPORT") return null;
  // One snapshot on the page reads' connection: the dispute, the order page's own reads, its evidence and agents.
  const read = readSql((sql) => {
    const row = sql.get<{ orderId: string; subjectRef: string; decidedById: string | null; appealDecidedById: string | null }>(
      `SELECT d."orderId", d."subjectRef", d."decidedById", d."appealDecidedById" FROM "Dispute" d JOIN "Order" o ON o."id" = d."orderId" WHERE d."id" = ? AND o."worldId" = ?`,
      disputeId,
      user.worldId ?? "demo",
    );
    if (!row) return null;
    const order = readOrderDetail(sql, user, row.orderId, now);
    const dispute = order?.disputes.find((d) => d.id === disputeId);
    if (!order || !dispute) return null;
    const evidence = sql.all<{ id: string; ownerRole: string; contentType: string; sizeBytes: number; sha256: string; createdAt: string }>(
      `SELECT "id", "ownerRole", "contentType", "sizeBytes", "sha256", "createdAt" FROM "Evidence"
        WHERE "orderId" = ? AND ("disputeId" = ? OR ("caseId" = ? AND "disputeId" IS NULL)) ORDER BY "createdAt" ASC, "id" ASC`,
      row.orderId,
      disputeId,
      row.subjectRef,
    );
    const agentIds = [row.decidedById, row.appealDecidedById].filter((id): id is string => id !== null);
    const agents = agentIds.length ? sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "User" WHERE "id" IN (${placeholders(agentIds)})`, ...agentIds) : [];
    return { row, order, dispute, evidence, agents };
  });
  if (!read) return null;
  const { row, order, dispute, evidence, agents } = read;
  const name = (id: string | null) => (id ? (agents.find((agent) => agent.id === id)?.name ?? id) : null);
  return {
    exportedAt: now.toISOString(),
    order: { id: order.id, code: order.code, status: order.status, shop: order.shopName, buyer: order.buyerName, currency: order.currency, totalMinor: order.totalMinor },
    dispute: {
      id: dispute.id,
      subject: render(dispute.subjectLabel),
      status: render(dispute.statusLabel),
      openedAt: dispute.openedAt.toISOString(),
      supportTarget: dispute.supportTarget?.toISOString() ?? null,
      statements: dispute.statements.map((s) => ({ party: render(s.partyLabel), text: s.text, at: s.at.toISOString(), evidence: s.evidence })),
      decision: dispute.decision && {
        outcome: dispute.decision.outcome,
        amountMinor: dispute.decision.amountMinor,
        returnRequired: dispute.decision.returnRequired,
        rationale: dispute.decision.rationale,
        decidedBy: name(row.decidedById) ?? "",
        at: dispute.decision.at.toISOString(),
      },
      appeal: dispute.appeal && { statement: dispute.appeal.statement, at: dispute.appeal.at.toISOString(), outcome: dispute.appeal.outcome, rationale: dispute.appeal.rationale, decidedBy: name(row.appealDecidedById) },
    },
    evidence: evidence.map((e) => ({ id: e.id, from: render(ROLE_LABELS[e.ownerRole === "SELLER" ? "SELLER" : "BUYER"]), contentType: e.contentType, sizeBytes: e.sizeBytes, sha256: e.sha256, at: dateOf(e.createdAt)!.toISOString() })),
    timeline: order.timeline.map((t) => ({ at: t.at.toISOString(), actor: render(t.actor), summary: render(t.summary) })),
  };
}
