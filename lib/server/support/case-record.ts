import "server-only";
import type { Message } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { ROLE_LABELS } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readDb } from "../db";
import { getOrderDetail } from "../orders/get-order";
import type { Db } from "../prisma";

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
export async function caseRecord(user: SessionUser, disputeId: string, now: Date, db: Db = readDb, render: (message: Message) => string = english().render): Promise<CaseRecord | null> {
  if (user.role !== "SUPPORT") return null;
  const row = await db.dispute.findFirst({
    where: { id: disputeId, order: { worldId: user.worldId ?? "demo" } },
    select: { orderId: true, subjectRef: true, decidedById: true, appealDecidedById: true },
  });
  if (!row) return null;
  const order = await getOrderDetail(user, row.orderId, now);
  const dispute = order?.disputes.find((d) => d.id === disputeId);
  if (!order || !dispute) return null;
  const [evidence, agents] = await Promise.all([
    db.evidence.findMany({
      where: { orderId: row.orderId, OR: [{ disputeId }, { caseId: row.subjectRef, disputeId: null }] },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, ownerRole: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true },
    }),
    db.user.findMany({ where: { id: { in: [row.decidedById, row.appealDecidedById].filter((id): id is string => id !== null) } }, select: { id: true, name: true } }),
  ]);
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
    evidence: evidence.map((e) => ({ id: e.id, from: render(ROLE_LABELS[e.ownerRole === "SELLER" ? "SELLER" : "BUYER"]), contentType: e.contentType, sizeBytes: e.sizeBytes, sha256: e.sha256, at: e.createdAt.toISOString() })),
    timeline: order.timeline.map((t) => ({ at: t.at.toISOString(), actor: render(t.actor), summary: render(t.summary) })),
  };
}
