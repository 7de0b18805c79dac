import "server-only";
import {
  RULE_INDEX,
  CANCEL_REQUEST_STATUS_LABELS, CASE_STATUS_LABELS, CASE_TYPE_LABELS, DISPUTE_STATUS_LABELS, DISPUTE_SUBJECT_LABELS,
  CARRIER_CONTROL_LABELS, RETURN_METHOD_LABELS, type ReturnMethod, HURRY_LABELS, estimatedDeliveryAt, formatCutoff, type CarrierControl,
  PAYMENT_METHOD_LABELS, REFUND_STATUS_LABELS, ROLE_LABELS, ROLE_NOUNS, STATUS_LABELS, actionViews, describeDuration, isRefundStatus,
  policyFor, reasonLabel, simulatorControls, statusNote, supportTarget, previewRefund, type ActionView, type CancelRequestStatus,
  type CaseStatus, type CaseType, type DeadlineKind, type DisputeOutcome, type DisputeState, type OutcomePreview, type DisputeStatus,
  type DisputeSubject, type OrderStatus, type Policy, type RefundStatus, type Role, type StatementParty, previewDisputeOutcomes
} from "@/lib/order";
import { openDeadlines } from "./open-deadlines";
import { whereItIs, type WhereItIs } from "./where-it-is";
import { m, type Message, type MessageParam } from "@/lib/i18n/message";
import { storedSummary } from "./stored-message";
import { orderScope, toActor, type SessionUser } from "../auth/session-user";
import { readOrderMoney, type OrderMoney } from "../ledger";
import { readSql } from "../sqlite/read-sql";
import type { SqlTx } from "../sqlite/sql-tx";
import { toOrderState } from "./order-state";
import { readOrderPage } from "./read-order-page";

/** The policy durations help text quotes (never restated as numbers in a page). */
const QUOTED_DURATIONS = ["remorseWindow", "carrierPickup", "inspection", "disputeFiling", "offerAnswer", "shipBack", "appealWindow", "cancelRequestAnswer", "sellerReview", "infoAnswer"] as const;
export type QuotedDuration = (typeof QUOTED_DURATIONS)[number];

export interface OrderDetail {
  id: string;
  code: string;
  buyerId: string;
  shopId: string;
  version: number;
  status: OrderStatus;
  statusLabel: Message;
  /** What the status means now, with its dates. */
  statusNote: Message;
  policyLabel: Message;
  /** The order's policy durations in words, for help text. */
  durations: Record<QuotedDuration, Message>;
  buyerName: string;
  shopName: string;
  placedAt: Date;
  paidAt: Date | null;
  currency: string;
  itemsMinor: number;
  shippingFeeMinor: number;
  totalMinor: number;
  paymentMethodLabel: Message;
  items: { id: string; title: string; quantity: number; unitPriceMinor: number }[];
  cancellation: { reason: Message; by: Message; at: Date | null; sellerFault: boolean } | null;
  refunds: {
    id: string;
    key: string;
    totalMinor: number;
    itemsMinor: number;
    shippingMinor: number;
    destinationLabel: Message;
    status: RefundStatus;
    statusLabel: Message;
    createdAt: Date;
    expectedArrivalAt: Date;
    arrivedAt: Date | null;
    /** The simulated payment network may delay it now. */
    canDelay: boolean;
  }[];
  /** The estimated delivery date the buyer is shown, as the platform states it, until the parcel is delivered. */
  estimatedDelivery: MessageParam | null;
  /** The simulated carrier's controls that apply now (lose or delay the parcel). */
  carrierControls: { type: CarrierControl; label: Message }[];
  /** Open deadlines people wait for (reminders aside); `hurry`: the button that makes a simulated one happen now. */
  deadlines: { key: string; kind: DeadlineKind; label: Message; dueAt: Date; hurry: Message | null }[];
  /** Each event, with the rules of the command that made it (ids in the rules reference). */
  timeline: { id: string; at: Date; actor: Message; summary: Message; rules: string[] }[];
  money: OrderMoney;
  /** What this person may do (open, or closed with a reason), with what each form needs, from the engine. */
  actions: ActionView[];
  /** "Where this order is": the state of each of its machines, what each party may do now, and what the platform will do when. */
  whereItIs: WhereItIs;
  cancelRequest: { status: CancelRequestStatus; statusLabel: Message; reason: Message; requestedAt: Date; respondBy: Date | null; rejectReason: Message | null } | null;
  returnAddress: string;
  /** How a return may travel under this order's rules, for the ship-back form. */
  returnMethods: { value: ReturnMethod; label: Message }[];
  /** The shop's disclosed change-of-mind return fee (0: none). */
  changeOfMindFeeMinor: number;
  /** The shop's rule when the order was placed: refund-only requests refunding at most this much are approved at once (0: none). */
  autoRefundUpToMinor: number;
  returnCase: {
    id: string;
    type: CaseType;
    typeLabel: Message;
    status: CaseStatus;
    statusLabel: Message;
    reason: Message;
    description: string;
    offerMinor: number | null;
    carrier: string | null;
    trackingNumber: string | null;
    rejectReason: Message | null;
    refundMinor: number | null;
    openedAt: Date;
    evidence: string[];
  } | null;
  disputes: {
    id: string;
    subject: DisputeSubject;
    subjectLabel: Message;
    status: DisputeStatus;
    statusLabel: Message;
    openedAt: Date;
    /** When support aims to decide, while the dispute or its appeal waits for support (no timer acts on it). */
    supportTarget: Date | null;
    /** An open dispute about a case: the most a decision for the buyer can refund (the engine's own check). */
    refundableMinor: number | null;
    statements: { party: StatementParty; partyLabel: Message; text: string; at: Date; evidence: string[] }[];
    decision: { outcome: DisputeOutcome; amountMinor: number | null; returnRequired: boolean; rationale: string; at: Date; refundedMinor: number; agentId: string } | null;
    appeal: { statement: string; at: Date; outcome: "UPHELD" | "OVERTURNED" | null; rationale: string | null } | null;
    /** The support agent who has the case (support's workbench names them). */
    assignee: DisputeState["assignee"];
    /** Support's latest question to one party, shown to that party until answered. */
    infoRequest: DisputeState["infoRequest"];
    /** For support, while it waits on a decision: what each decision would do (the engine's preview). */
    outcomes: OutcomePreview[];
  }[];
}

function durationsOf(policy: Policy): Record<QuotedDuration, Message> {
  return Object.fromEntries(QUOTED_DURATIONS.map((key) => [key, describeDuration(policy[key], policy)])) as Record<QuotedDuration, Message>;
}

/**
 * The whole order as this person may see it, with what they may do next; null when it is not theirs
 * to see. One snapshot on the page reads' connection (read-order-page.ts, issue 32).
 */
export async function getOrderDetail(user: SessionUser, orderId: string, now: Date): Promise<OrderDetail | null> {
  return readSql((sql) => readOrderDetail(sql, user, orderId, now));
}

export function readOrderDetail(sql: SqlTx, user: SessionUser, orderId: string, now: Date): OrderDetail | null {
  const rows = readOrderPage(sql, orderId, orderScope(user));
  if (!rows) return null;
  const { order } = rows;
  const state = toOrderState(order);
  const policy = policyFor(order.policyProfile);
  const actor = toActor(user);
  const simulator = simulatorControls(state, now, policy);
  const open = openDeadlines(order.deadlines);
  return {
    id: order.id,
    code: order.code,
    buyerId: order.buyerId,
    shopId: order.shopId,
    version: order.version,
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    statusNote: statusNote(state, policy, now),
    policyLabel: policy.label,
    durations: durationsOf(policy),
    buyerName: rows.buyerName,
    shopName: rows.shopName,
    placedAt: order.placedAt,
    paidAt: order.paidAt,
    currency: order.currency,
    itemsMinor: order.itemsMinor,
    shippingFeeMinor: order.shippingFeeMinor,
    totalMinor: order.totalMinor,
    paymentMethodLabel: PAYMENT_METHOD_LABELS[state.paymentMethod],
    items: rows.items,
    cancellation:
      order.status === "CANCELLED" && rows.cancelReasonKey
        ? { reason: reasonLabel(rows.cancelReasonKey), by: ROLE_NOUNS[(rows.cancelledByRole ?? "SYSTEM") as Role] ?? ROLE_NOUNS.SYSTEM, at: rows.cancelledAt, sellerFault: rows.faultParty === "SELLER" }
        : null,
    refunds: rows.refunds.map((refund) => ({
      id: refund.id,
      key: refund.idempotencyKey,
      totalMinor: refund.totalMinor,
      itemsMinor: refund.itemsMinor,
      shippingMinor: refund.shippingMinor,
      destinationLabel: PAYMENT_METHOD_LABELS[refund.destination as keyof typeof PAYMENT_METHOD_LABELS] ?? m("engine.verbatim", { text: refund.destination }),
      status: isRefundStatus(refund.status) ? refund.status : "PENDING",
      statusLabel: isRefundStatus(refund.status) ? REFUND_STATUS_LABELS[refund.status] : m("engine.verbatim", { text: refund.status }),
      createdAt: refund.createdAt,
      expectedArrivalAt: refund.expectedArrivalAt,
      arrivedAt: refund.arrivedAt,
      canDelay: simulator.delayRefunds.includes(refund.idempotencyKey),
    })),
    estimatedDelivery: (() => {
      const estimate = ["AWAITING_SHIPMENT", "AWAITING_COLLECTION", "IN_TRANSIT"].includes(state.status) ? estimatedDeliveryAt(state, policy) : null;
      return estimate ? formatCutoff(estimate, policy) : null;
    })(),
    carrierControls: simulator.carrier.map((type) => ({ type, label: CARRIER_CONTROL_LABELS[type] })),
    deadlines: open.map(({ key, kind, label, dueAt }) => ({ key, kind, label, dueAt, hurry: simulator.hurry.includes(key) ? (HURRY_LABELS[kind] ?? null) : null })),
    timeline: rows.events.map((event) => ({ id: event.id, at: event.at, actor: roleLabel(event.actorRole), summary: storedSummary(event), rules: rulesOfEvent(event.data) })),
    money: readOrderMoney(sql, order.id),
    actions: actionViews(state, actor, now, policy),
    whereItIs: whereItIs(state, actor, open, now, policy),
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
    returnAddress: rows.returnAddress,
    returnMethods: policy.returnMethods.map((value) => ({ value, label: RETURN_METHOD_LABELS[value] })),
    changeOfMindFeeMinor: state.changeOfMindFeeMinor,
    autoRefundUpToMinor: state.autoRefundUpToMinor,
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
          evidence: rows.evidence.filter((e) => e.caseId === state.returnCase!.id && !e.disputeId).map((e) => e.id),
        }
      : null,
    disputes: state.disputes.map((dispute) => ({
      id: dispute.id,
      subject: dispute.subject,
      subjectLabel: DISPUTE_SUBJECT_LABELS[dispute.subject],
      status: dispute.status,
      statusLabel: DISPUTE_STATUS_LABELS[dispute.status],
      openedAt: dispute.openedAt,
      supportTarget: supportTarget({ status: dispute.status, decideBy: dispute.decideBy, appealedAt: dispute.appeal?.at ?? null }, policy),
      refundableMinor:
        dispute.status === "OPEN" && dispute.subject === "CASE" && state.returnCase
          ? previewRefund(state, { caseType: state.returnCase.type, reasonKey: state.returnCase.reasonKey, method: state.returnCase.returnMethod }, policy).totalMinor
          : null,
      statements: dispute.statements.map((statement) => ({
        party: statement.party,
        partyLabel: ROLE_LABELS[statement.party],
        text: statement.text,
        at: statement.at,
        evidence: rows.evidence.filter((e) => e.disputeId === dispute.id && e.ownerRole === statement.party && e.createdAt.getTime() === statement.at.getTime()).map((e) => e.id),
      })),
      decision: dispute.decision,
      appeal: dispute.appeal && { statement: dispute.appeal.statement, at: dispute.appeal.at, outcome: dispute.appeal.outcome, rationale: dispute.appeal.rationale },
      assignee: dispute.assignee,
      infoRequest: dispute.infoRequest,
      outcomes: user.role === "SUPPORT" ? previewDisputeOutcomes(state, dispute.id, actor, now, policy) : [],
    })),
  };
}

/** The rules behind the command an event records (none for the placement). */
function rulesOfEvent(data: string): string[] {
  try {
    const type = (JSON.parse(data) as { command?: { type?: string } }).command?.type;
    return type ? RULE_INDEX.filter((rule) => (rule.commands as string[]).includes(type)).map((rule) => rule.id) : [];
  } catch {
    return [];
  }
}

function roleLabel(role: string | null): Message {
  return role && role in ROLE_LABELS ? ROLE_LABELS[role as Role] : m("engine.verbatim", { text: role ?? "?" });
}
