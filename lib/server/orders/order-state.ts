import {
  CANCEL_REQUEST_STATUSES,
  CASE_STATUSES,
  CASE_TYPES,
  DISPUTE_STATUSES,
  DISPUTE_SUBJECTS,
  REFUND_STATUSES,
  RETURN_METHODS,
  accounts,
  isOrderStatus,
  isPaymentMethod,
  parseDeadlineKey,
  type CancelRequestStatus,
  type CaseStatus,
  type CaseType,
  type DeadlineKey,
  type DisputeState,
  type DisputeStatus,
  type DisputeSubject,
  type OrderState,
  type RefundStatus,
  type ReturnMethod,
} from "@/lib/order";
import type { Prisma } from "@/generated/prisma/client";

/** What to load with an order to decide on it: its columns, the shop's setting, the cancel request and the open deadlines. */
export const orderStateSelect = {
  id: true,
  worldId: true,
  code: true,
  buyerId: true,
  shopId: true,
  status: true,
  version: true,
  policyProfile: true,
  currency: true,
  itemsMinor: true,
  shippingFeeMinor: true,
  totalMinor: true,
  paymentMethod: true,
  placedAt: true,
  paidAt: true,
  remorseEndsAt: true,
  awaitingShipmentAt: true,
  dispatchDueAt: true,
  arrangedAt: true,
  pickedUpAt: true,
  lateDispatch: true,
  deliveredAt: true,
  returnWindowEndsAt: true,
  autoApproveWindow: true,
  changeOfMindFeeMinor: true,
  autoRefundUpToMinor: true,
  cancelRequest: { select: { status: true, reasonKey: true, requestedAt: true, respondBy: true, resolvedAt: true, rejectReasonKey: true } },
  deadlines: { where: { resolvedAt: null }, select: { kind: true, dueAt: true } },
  returnCases: {
    orderBy: { openedAt: "desc" },
    take: 1,
    select: {
      id: true,
      type: true,
      status: true,
      reasonKey: true,
      description: true,
      photoCount: true,
      openedAt: true,
      preDelivery: true,
      offerMinor: true,
      carrier: true,
      trackingNumber: true,
      returnMethod: true,
      rejectReasonKey: true,
      refundMinor: true,
      refundOnArrival: true,
      closedAt: true,
    },
  },
  disputes: { orderBy: { openedAt: "asc" }, include: { statements: { orderBy: { at: "asc" } } } },
  _count: { select: { returnCases: true } },
  refunds: { select: { idempotencyKey: true, totalMinor: true, destination: true, status: true, expectedArrivalAt: true } },
  ledgerEntries: { where: { account: accounts.escrow }, select: { account: true, amountMinor: true } },
} as const satisfies Prisma.OrderSelect;

export type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderStateSelect }>;
type DisputeRow = OrderRow["disputes"][number];

function toDispute(row: DisputeRow): DisputeState {
  return {
    id: row.id,
    subject: oneOf<DisputeSubject>(DISPUTE_SUBJECTS, row.subject, "dispute subject"),
    subjectRef: row.subjectRef,
    status: oneOf<DisputeStatus>(DISPUTE_STATUSES, row.status, "dispute status"),
    openedAt: row.openedAt,
    decideBy: row.decideBy,
    statements: row.statements.map((statement) => ({ ...statement, party: statement.party === "SELLER" ? "SELLER" : "BUYER" })),
    decision:
      row.decisionOutcome && row.decidedAt
        ? {
            outcome: row.decisionOutcome === "SELLER" ? "SELLER" : "BUYER",
            amountMinor: row.decisionAmountMinor,
            returnRequired: row.returnRequired,
            rationale: row.decisionRationale ?? "",
            agentId: row.decidedById ?? "",
            at: row.decidedAt,
            refundedMinor: row.refundedMinor,
          }
        : null,
    appeal:
      row.appealStatement !== null && row.appealedAt
        ? {
            statement: row.appealStatement,
            at: row.appealedAt,
            outcome: row.appealOutcome === "UPHELD" || row.appealOutcome === "OVERTURNED" ? row.appealOutcome : null,
            rationale: row.appealRationale,
            agentId: row.appealDecidedById,
            decidedAt: row.appealDecidedAt,
          }
        : null,
    assignee: row.assigneeId && row.assignedAt ? { agentId: row.assigneeId, at: row.assignedAt } : null,
    infoRequest:
      row.infoParty && row.infoQuestion !== null && row.infoAskedAt && row.infoAnswerBy
        ? { party: row.infoParty === "SELLER" ? "SELLER" : "BUYER", question: row.infoQuestion, at: row.infoAskedAt, answerBy: row.infoAnswerBy, answeredAt: row.infoAnsweredAt }
        : null,
  };
}

function oneOf<T extends string>(values: readonly T[], value: string, what: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`Unknown ${what}: ${value}`);
  return value as T;
}

function isCancelRequestStatus(value: string): value is CancelRequestStatus {
  return (CANCEL_REQUEST_STATUSES as readonly string[]).includes(value);
}

/** Converts a database row to the machine's state, refusing values the machine does not know. */
export function toOrderState(row: OrderRow): OrderState {
  if (!isOrderStatus(row.status)) throw new Error(`Order ${row.id} has unknown status ${row.status}`);
  if (!isPaymentMethod(row.paymentMethod)) throw new Error(`Order ${row.id} has unknown payment method ${row.paymentMethod}`);
  const request = row.cancelRequest;
  if (request && !isCancelRequestStatus(request.status)) throw new Error(`Order ${row.id} has a cancel request with unknown status ${request.status}`);
  const deadlines: Partial<Record<DeadlineKey, Date>> = {};
  for (const deadline of row.deadlines) {
    if (!parseDeadlineKey(deadline.kind)) throw new Error(`Order ${row.id} has an unknown deadline ${deadline.kind}`);
    deadlines[deadline.kind] = deadline.dueAt;
  }
  return {
    id: row.id,
    code: row.code,
    buyerId: row.buyerId,
    shopId: row.shopId,
    status: row.status,
    policyProfile: row.policyProfile,
    autoApproveWindow: row.autoApproveWindow,
    changeOfMindFeeMinor: row.changeOfMindFeeMinor,
    autoRefundUpToMinor: row.autoRefundUpToMinor,
    currency: row.currency,
    itemsMinor: row.itemsMinor,
    shippingFeeMinor: row.shippingFeeMinor,
    totalMinor: row.totalMinor,
    paymentMethod: row.paymentMethod,
    placedAt: row.placedAt,
    paidAt: row.paidAt,
    remorseEndsAt: row.remorseEndsAt,
    awaitingShipmentAt: row.awaitingShipmentAt,
    dispatchDueAt: row.dispatchDueAt,
    arrangedAt: row.arrangedAt,
    pickedUpAt: row.pickedUpAt,
    lateDispatch: row.lateDispatch,
    deliveredAt: row.deliveredAt,
    returnWindowEndsAt: row.returnWindowEndsAt,
    returnCase: row.returnCases[0]
      ? {
          ...row.returnCases[0],
          type: oneOf<CaseType>(CASE_TYPES, row.returnCases[0].type, "case type"),
          status: oneOf<CaseStatus>(CASE_STATUSES, row.returnCases[0].status, "case status"),
          returnMethod: row.returnCases[0].returnMethod === null ? null : oneOf<ReturnMethod>(RETURN_METHODS, row.returnCases[0].returnMethod, "return method"),
        }
      : null,
    caseCount: row._count.returnCases,
    refunds: row.refunds.map((refund) => {
      if (!isPaymentMethod(refund.destination)) throw new Error(`Refund ${refund.idempotencyKey} has unknown destination ${refund.destination}`);
      return {
        key: refund.idempotencyKey,
        totalMinor: refund.totalMinor,
        destination: refund.destination,
        status: oneOf<RefundStatus>(REFUND_STATUSES, refund.status, "refund status"),
        expectedArrivalAt: refund.expectedArrivalAt,
      };
    }),
    disputes: row.disputes.map(toDispute),
    escrowMinor: row.ledgerEntries.filter((entry) => entry.account === accounts.escrow).reduce((sum, entry) => sum + entry.amountMinor, 0),
    cancelRequest: request ? { ...request, status: request.status as CancelRequestStatus } : null,
    deadlines,
  };
}
