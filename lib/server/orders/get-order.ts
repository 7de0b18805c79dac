import "server-only";
import {
  CANCEL_REQUEST_STATUS_LABELS,
  CASE_STATUS_LABELS,
  CASE_TYPE_LABELS,
  DISPUTE_STATUS_LABELS,
  escalatable,
  previewRefund,
  DEADLINE_LABELS,
  TRANSITIONS,
  PAYMENT_METHOD_LABELS,
  ROLE_LABELS,
  STATUS_LABELS,
  availableActions,
  decide,
  parseDeadlineKey,
  policyFor,
  reasonLabel,
  reasonsFor,
  supportTarget,
  type FaultParty,
  type AvailableAction,
  type DeadlineKind,
  type OrderStatus,
  type RefundEffect,
  type Role,
} from "@/lib/order";
import { formatMoney } from "@/lib/money";
import { orderScope, toActor, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { orderMoney, type OrderMoney } from "../ledger";
import { orderStateSelect, toOrderState } from "./order-state";

export interface OrderDetail {
  id: string;
  code: string;
  version: number;
  status: OrderStatus;
  statusLabel: string;
  policyLabel: string;
  /** The order's policy profile (US or GLOBAL), for help text that quotes its durations. */
  policyKey: string;
  buyerName: string;
  shopName: string;
  placedAt: Date;
  paidAt: Date | null;
  currency: string;
  itemsMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
  paymentMethodLabel: string;
  items: { id: string; title: string; quantity: number; unitPriceMinor: number }[];
  cancellation: { reason: string; by: string; at: Date | null; sellerFault: boolean } | null;
  refunds: { id: string; key: string; totalMinor: number; itemsMinor: number; shippingMinor: number; destinationLabel: string; status: string; createdAt: Date; expectedArrivalAt: Date; arrivedAt: Date | null }[];
  deadlines: { key: string; kind: DeadlineKind; label: string; dueAt: Date }[];
  timeline: { id: string; at: Date; actor: string; summary: string }[];
  money: OrderMoney;
  /** What this person may do (open, or closed with a reason), with the reasons each command takes. */
  actions: (AvailableAction & { reasons?: { key: string; label: string; fault: FaultParty }[] })[];
  cancelRequest: { status: string; statusLabel: string; reason: string; requestedAt: Date; respondBy: Date | null; rejectReason: string | null } | null;
  returnAddress: string;
  returnCase: {
    id: string;
    typeLabel: string;
    type: string;
    status: string;
    statusLabel: string;
    reason: string;
    description: string;
    offerMinor: number | null;
    carrier: string | null;
    trackingNumber: string | null;
    rejectReason: string | null;
    refundMinor: number | null;
    openedAt: Date;
    evidence: string[];
  } | null;
  /** What a refund or return would give back, by kind of reason, before the buyer submits. */
  refundPreviews: { label: string; totalMinor: number; detail: string }[];
  disputes: {
    id: string;
    subject: string;
    subjectLabel: string;
    status: string;
    statusLabel: string;
    openedAt: Date;
    /** When support aims to decide, while the dispute or its appeal waits for support (no timer acts on it). */
    supportTarget: Date | null;
    statements: { party: string; text: string; at: Date; evidence: string[] }[];
    decision: { outcome: string; amountMinor: number | null; returnRequired: boolean; rationale: string; at: Date; refundedMinor: number } | null;
    appeal: { statement: string; at: Date; outcome: string | null; rationale: string | null } | null;
  }[];
  escalateOptions: { value: string; label: string }[];
  /** What a cancel would refund now, computed by the same decision the cancel runs. */
  cancelPreview: { totalMinor: number; destinationLabel: string; expectedArrivalAt: Date; instant: boolean } | null;
}

/** The whole order as this person may see it, with what they may do next; null when it is not theirs to see. */
export async function getOrderDetail(user: SessionUser, orderId: string, now: Date): Promise<OrderDetail | null> {
  const order = await db.order.findFirst({
    where: { id: orderId, ...orderScope(user) },
    select: {
      ...orderStateSelect,
      cancelReasonKey: true,
      cancelledByRole: true,
      cancelledAt: true,
      faultParty: true,
      buyer: { select: { name: true } },
      shop: { select: { name: true, returnAddress: true } },
      evidence: { orderBy: { createdAt: "asc" }, select: { id: true, caseId: true, disputeId: true, ownerRole: true, createdAt: true } },
      items: { select: { id: true, title: true, quantity: true, unitPriceMinor: true }, orderBy: { id: "asc" } },
      refunds: { orderBy: { createdAt: "asc" } },
      deadlines: { where: { resolvedAt: null }, orderBy: { dueAt: "asc" }, select: { kind: true, dueAt: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
    },
  });
  if (!order) return null;

  const state = toOrderState(order);
  const policy = policyFor(order.policyProfile);
  const actor = toActor(user);
  const actions: OrderDetail["actions"] = availableActions(state, actor, now, policy).map((action) => {
    const kind = TRANSITIONS[action.command].reasons;
    return kind && action.enabled ? { ...action, reasons: reasonsFor(kind, state.status).map(({ key, label, fault }) => ({ key, label, fault })) } : action;
  });
  const cancelReasons = actions.find((action) => action.command === "BUYER_CANCEL" && action.enabled)?.reasons ?? [];

  let cancelPreview: OrderDetail["cancelPreview"] = null;
  if (cancelReasons[0]) {
    const dryRun = decide(state, { type: "BUYER_CANCEL", reasonKey: cancelReasons[0].key }, actor, now, policy);
    const refund = dryRun.ok ? dryRun.effects.find((effect): effect is RefundEffect => effect.type === "REFUND") : undefined;
    if (refund) {
      cancelPreview = {
        totalMinor: refund.totalMinor,
        destinationLabel: PAYMENT_METHOD_LABELS[refund.destination],
        expectedArrivalAt: refund.expectedArrivalAt,
        instant: refund.arrived,
      };
    }
  }

  return {
    id: order.id,
    code: order.code,
    version: order.version,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    policyLabel: policy.label,
    policyKey: policy.key,
    buyerName: order.buyer.name,
    shopName: order.shop.name,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    currency: order.currency,
    itemsMinor: order.itemsMinor,
    shippingFeeMinor: order.shippingFeeMinor,
    totalMinor: order.totalMinor,
    paymentMethodLabel: PAYMENT_METHOD_LABELS[state.paymentMethod],
    items: order.items,
    cancellation:
      order.status === "CANCELLED" && order.cancelReasonKey
        ? { reason: reasonLabel(order.cancelReasonKey), by: roleLabel(order.cancelledByRole), at: order.cancelledAt, sellerFault: order.faultParty === "SELLER" }
        : null,
    refunds: order.refunds.map((refund) => ({
      id: refund.id,
      key: refund.idempotencyKey,
      totalMinor: refund.totalMinor,
      itemsMinor: refund.itemsMinor,
      shippingMinor: refund.shippingMinor,
      destinationLabel: PAYMENT_METHOD_LABELS[refund.destination as keyof typeof PAYMENT_METHOD_LABELS] ?? refund.destination,
      status: refund.status,
      createdAt: refund.createdAt,
      expectedArrivalAt: refund.expectedArrivalAt,
      arrivedAt: refund.arrivedAt,
    })),
    // Reminders are the platform's own timers, not deadlines anyone has to meet.
    deadlines: order.deadlines.flatMap((deadline) => {
      const parsed = parseDeadlineKey(deadline.kind);
      if (!parsed || parsed.kind.endsWith("_REMINDER")) return [];
      return [{ key: deadline.kind, kind: parsed.kind, label: DEADLINE_LABELS[parsed.kind], dueAt: deadline.dueAt }];
    }),
    timeline: order.events.map((event) => ({ id: event.id, at: event.at, actor: roleLabel(event.actorRole), summary: event.summary })),
    money: await orderMoney(db, order.id),
    actions,
    cancelRequest: state.cancelRequest
      ? {
          status: state.cancelRequest.status,
          statusLabel: CANCEL_REQUEST_STATUS_LABELS[state.cancelRequest.status],
          reason: reasonLabel(state.cancelRequest.reasonKey),
          requestedAt: state.cancelRequest.requestedAt,
          respondBy: state.cancelRequest.respondBy,
          rejectReason: state.cancelRequest.rejectReasonKey ? reasonLabel(state.cancelRequest.rejectReasonKey) : null,
        }
      : null,
    cancelPreview,
    returnAddress: order.shop.returnAddress,
    returnCase: state.returnCase
      ? {
          id: state.returnCase.id,
          type: state.returnCase.type,
          typeLabel: CASE_TYPE_LABELS[state.returnCase.type],
          status: state.returnCase.status,
          statusLabel: CASE_STATUS_LABELS[state.returnCase.status],
          reason: reasonLabel(state.returnCase.reasonKey),
          description: state.returnCase.description,
          offerMinor: state.returnCase.offerMinor,
          carrier: state.returnCase.carrier,
          trackingNumber: state.returnCase.trackingNumber,
          rejectReason: state.returnCase.rejectReasonKey ? reasonLabel(state.returnCase.rejectReasonKey) : null,
          refundMinor: state.returnCase.refundMinor,
          openedAt: state.returnCase.openedAt,
          evidence: order.evidence.filter((e) => e.caseId === state.returnCase!.id && !e.disputeId).map((e) => e.id),
        }
      : null,
    refundPreviews: actions.some((action) => action.command === "REQUEST_RETURN" && action.enabled) ? refundPreviews(state, policy) : [],
    disputes: state.disputes.map((dispute) => ({
      id: dispute.id,
      subject: dispute.subject,
      subjectLabel: DISPUTE_SUBJECT_LABELS[dispute.subject],
      status: dispute.status,
      statusLabel: DISPUTE_STATUS_LABELS[dispute.status],
      openedAt: dispute.openedAt,
      supportTarget: supportTarget({ status: dispute.status, decideBy: dispute.decideBy, appealedAt: dispute.appeal?.at ?? null }, policy),
      statements: dispute.statements.map((statement) => ({
        party: statement.party === "SELLER" ? "Seller" : "Buyer",
        text: statement.text,
        at: statement.at,
        evidence: order.evidence.filter((e) => e.disputeId === dispute.id && e.ownerRole === statement.party && e.createdAt.getTime() === statement.at.getTime()).map((e) => e.id),
      })),
      decision: dispute.decision,
      appeal: dispute.appeal && { statement: dispute.appeal.statement, at: dispute.appeal.at, outcome: dispute.appeal.outcome, rationale: dispute.appeal.rationale },
    })),
    escalateOptions: escalatable(state).map((option) => ({
      value: option.subject === "REFUND" ? `REFUND:${option.ref}` : option.subject,
      label: option.subject === "REFUND" ? `The overdue refund (${option.ref})` : DISPUTE_SUBJECT_LABELS[option.subject],
    })),
  };
}

const DISPUTE_SUBJECT_LABELS = { CASE: "The rejected refund or return", CANCEL_REQUEST: "The rejected cancel request", REFUND: "An overdue refund" } as const;

/** Refund previews for the request form: what each kind of reason gives back, by the same arithmetic the refund uses. */
function refundPreviews(state: ReturnType<typeof toOrderState>, policy: ReturnType<typeof policyFor>) {
  const money = (minor: number) => formatMoney(minor, state.currency);
  const options =
    state.status === "DELIVERED"
      ? ([
          ["Refund only, something is wrong (damaged, missing, not as described…)", "REFUND_ONLY", "damaged"],
          ["Return and refund, something is wrong", "RETURN_AND_REFUND", "damaged"],
          ["Return and refund, change of mind", "RETURN_AND_REFUND", "changed_mind"],
        ] as const)
      : ([["Refund: it won't arrive on time", "REFUND_ONLY", "wont_arrive_on_time"]] as const);
  return options.map(([label, caseType, reasonKey]) => {
    const preview = previewRefund(state, { caseType, reasonKey }, policy);
    const parts = [`items ${money(preview.itemsMinor)}`];
    if (preview.shippingMinor) parts.push(`shipping ${money(preview.shippingMinor)}`);
    if (preview.postageDeductedMinor) parts.push(`less return postage ${money(preview.postageDeductedMinor)}`);
    else if (preview.postagePaidBy === "SELLER") parts.push("return postage paid by the seller");
    else if (preview.postagePaidBy === "PLATFORM") parts.push("return postage paid by the platform");
    return { label, totalMinor: preview.totalMinor, detail: parts.join(", ") };
  });
}

function roleLabel(role: string | null): string {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : "Unknown";
}
