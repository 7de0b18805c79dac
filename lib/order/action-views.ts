/**
 * What a page needs to offer a person an action, asked of the engine instead of restated by the
 * page: the action (open, or closed with why), the dispute or refund it targets, the reasons and case
 * types it allows, and the exact refund it would make. Pure, like the rest of lib/order.
 */
import { at, day, m, money, type Message } from "../i18n/message";
import type { Command, CommandType, RefundEffect } from "./commands";
import { CARRIER_CONTROLS, type CarrierControl, type DeadlineKey } from "./deadlines";
import { DISPUTE_SUBJECT_LABELS, type DisputeStatus, type DisputeSubject } from "./dispute";
import { availableActions, decide, type AvailableAction } from "./machine";
import { PAYMENT_METHOD_LABELS, type Actor, type OrderState, type OrderStatus, type PaymentMethod } from "./model";
import type { Policy } from "./policy";
import { faultAt, reasonsFor, type Reason } from "./reasons";
import { reasonAllows } from "./request-rules";
import { CASE_TYPE_LABELS, REQUEST_CASE_TYPES, previewRefund, type RefundBreakdown, type RequestCaseType } from "./return-case";
import { instantCancelEndsAt, escalatable, TRANSITIONS } from "./transitions";

/** A refund an action would make, as the decision that runs it computes it. */
export interface RefundPreview {
  totalMinor: number;
  destination: PaymentMethod;
  expectedArrivalAt: Date;
  arrived: boolean;
}

/** One thing an action can be aimed at: a form value and what a person calls it. */
export interface ActionTarget {
  value: string;
  label: Message;
}

/** What a refund or return request would give back, per case type and group of reasons. */
export interface RequestOption {
  caseType: RequestCaseType;
  label: Message;
  reasonKeys: string[];
  breakdown: RefundBreakdown;
}

export interface ActionView extends AvailableAction {
  /** The reasons this command takes now (empty when it takes none). */
  /** `fault` as it would be now; `note` says when it depends on timing (e.g. "not shipped on time" before the dispatch deadline). */
  reasons: (Pick<Reason, "key" | "label" | "fault"> & { note?: Message })[];
  /** What the action is aimed at, when the order has more than one candidate (a dispute, a refund, a subject). */
  targets: ActionTarget[];
  /** The case types a request may be (REQUEST_RETURN). */
  caseTypes: RequestCaseType[];
  /** The refund the action would make now, when it makes one. */
  refund: RefundPreview | null;
  /** What a request would refund, by case type and reason (REQUEST_RETURN). */
  requestOptions: RequestOption[];
  /** Until when this action is as it is now (BUYER_CANCEL: the end of the instant-cancel window). */
  until: Date | null;
}

/** The case types a buyer may ask for now: both once delivered; before delivery a refund only. */
export function caseTypesFor(status: OrderStatus): RequestCaseType[] {
  return status === "DELIVERED" || status === "COMPLETED" ? [...REQUEST_CASE_TYPES] : ["REFUND_ONLY"];
}

const disputeTarget = (statuses: DisputeStatus[], subjects?: DisputeSubject[]) => (state: OrderState): ActionTarget[] =>
  state.disputes
    .filter((d) => statuses.includes(d.status) && (!subjects || subjects.includes(d.subject)))
    .map((d) => ({ value: d.id, label: d.subject === "REFUND" ? refundTargetLabel(state, d.subjectRef) : DISPUTE_SUBJECT_LABELS[d.subject] }));

/** Where each targeted command is aimed (the form sends the value in the command's own field: disputeId, or subject). */
/** An overdue refund as the buyer knows it: its amount, where it was going and when it was due (its key is internal). */
function refundTargetLabel(state: OrderState, key: string): Message {
  const refund = state.refunds.find((r) => r.key === key);
  if (!refund) return DISPUTE_SUBJECT_LABELS.REFUND;
  return m("engine.actionViews.refundTarget", { subject: DISPUTE_SUBJECT_LABELS.REFUND, amount: money(refund.totalMinor, state.currency), method: PAYMENT_METHOD_LABELS[refund.destination], expected: day(refund.expectedArrivalAt) });
}

export const TARGETS: Partial<Record<CommandType, { of: (state: OrderState) => ActionTarget[] }>> = {
  ESCALATE: {
    of: (state) =>
      escalatable(state).map((o) => ({
        value: o.subject === "REFUND" ? `REFUND:${o.ref}` : o.subject,
        label: o.subject === "REFUND" ? refundTargetLabel(state, o.ref) : DISPUTE_SUBJECT_LABELS[o.subject],
      })),
  },
  ADD_DISPUTE_STATEMENT: { of: disputeTarget(["OPEN"]) },
  DECIDE_DISPUTE: { of: disputeTarget(["OPEN"], ["CASE", "CANCEL_REQUEST"]) },
  DECIDE_REFUND_DISPUTE: { of: disputeTarget(["OPEN"], ["REFUND"]) },
  APPEAL_DECISION: { of: disputeTarget(["DECIDED_FOR_BUYER"]) },
  DECIDE_APPEAL: { of: disputeTarget(["APPEALED"]) },
  TAKE_DISPUTE: { of: disputeTarget(["OPEN", "APPEALED"]) },
  ASK_FOR_INFORMATION: { of: disputeTarget(["OPEN"]) },
};

/** The refunding commands whose refund can be previewed by deciding them now (with the first allowed reason, where one is needed). */
const PREVIEWS: Partial<Record<CommandType, (reasonKey: string) => Command>> = {
  BUYER_CANCEL: (reasonKey) => ({ type: "BUYER_CANCEL", reasonKey }),
  // After the dispatch deadline a request is approved at once and refunds; before it, it refunds nothing yet.
  REQUEST_CANCEL: (reasonKey) => ({ type: "REQUEST_CANCEL", reasonKey }),
  SELLER_CANCEL: (reasonKey) => ({ type: "SELLER_CANCEL", reasonKey }),
  OPERATOR_CANCEL: (reasonKey) => ({ type: "OPERATOR_CANCEL", reasonKey }),
  APPROVE_CANCEL_REQUEST: () => ({ type: "APPROVE_CANCEL_REQUEST" }),
  APPROVE_RETURN: () => ({ type: "APPROVE_RETURN" }),
  ACCEPT_OFFER: () => ({ type: "ACCEPT_OFFER" }),
  ACCEPT_RETURNED_PARCEL: () => ({ type: "ACCEPT_RETURNED_PARCEL" }),
  CONFIRM_REFUSED_PARCEL: () => ({ type: "CONFIRM_REFUSED_PARCEL" }),
};

function previewOf(state: OrderState, command: Command, actor: Actor, now: Date, policy: Policy): RefundPreview | null {
  const decision = decide(state, command, actor, now, policy);
  const refund = decision.ok ? decision.effects.find((effect): effect is RefundEffect => effect.type === "REFUND") : undefined;
  return refund ? { totalMinor: refund.totalMinor, destination: refund.destination, expectedArrivalAt: refund.expectedArrivalAt, arrived: refund.arrived } : null;
}

/** What a request would refund, grouping the reasons that give the same amount. */
export function requestOptions(state: OrderState, policy: Policy): RequestOption[] {
  const options: RequestOption[] = [];
  for (const caseType of caseTypesFor(state.status)) {
    const groups = new Map<string, RequestOption>();
    for (const reason of reasonsFor("RETURN_REFUND", state.status).filter((r) => reasonAllows(r.key, caseType))) {
      const breakdown = previewRefund(state, { caseType, reasonKey: reason.key }, policy);
      const key = JSON.stringify(breakdown);
      const group: RequestOption = groups.get(key) ?? { caseType, label: CASE_TYPE_LABELS[caseType], reasonKeys: [], breakdown };
      group.reasonKeys.push(reason.key);
      groups.set(key, group);
    }
    options.push(...groups.values());
  }
  return options;
}

/** A reason as a form offers it: who would be at fault if it were given now, and why when that depends on timing. */
function reasonView(reason: Reason, state: OrderState, now: Date): ActionView["reasons"][number] {
  const fault = faultAt(reason, state.dispatchDueAt, now);
  if (!reason.sellerFaultOnceLate || !state.dispatchDueAt) return { key: reason.key, label: reason.label, fault };
  const note =
    fault === "SELLER"
      ? m("engine.actionViews.faultLate", { dispatchDueAt: at(state.dispatchDueAt) })
      : m("engine.actionViews.faultNotYet", { dispatchDueAt: at(state.dispatchDueAt) });
  return { key: reason.key, label: reason.label, fault, note };
}

/** Every action this person could take on the order, with what the page needs to offer it. */
export function actionViews(state: OrderState, actor: Actor, now: Date, policy: Policy): ActionView[] {
  return availableActions(state, actor, now, policy).map((action) => {
    const kind = TRANSITIONS[action.command].reasons;
    const reasons = kind && action.enabled ? reasonsFor(kind, state.status).map((reason) => reasonView(reason, state, now)) : [];
    const preview = action.enabled ? PREVIEWS[action.command] : undefined;
    const needsReason = !!kind;
    return {
      ...action,
      reasons,
      targets: action.enabled ? (TARGETS[action.command]?.of(state) ?? []) : [],
      caseTypes: action.enabled && action.command === "REQUEST_RETURN" ? caseTypesFor(state.status) : [],
      refund: preview && (!needsReason || reasons[0]) ? previewOf(state, preview(reasons[0]?.key ?? ""), actor, now, policy) : null,
      requestOptions: action.enabled && action.command === "REQUEST_RETURN" ? requestOptions(state, policy) : [],
      until: action.enabled && action.command === "BUYER_CANCEL" ? instantCancelEndsAt(state, now) : null,
    };
  });
}

/** The simulator's controls on an order: which refunds the payment network may delay, which carrier or network deadlines may happen now. */
export function simulatorControls(state: OrderState, now: Date, policy: Policy): { delayRefunds: string[]; hurry: DeadlineKey[]; carrier: CarrierControl[] } {
  const system: Actor = { role: "SYSTEM", id: null };
  const accepts = (command: Command) => decide(state, command, system, now, policy).ok;
  return {
    delayRefunds: state.refunds.filter((refund) => accepts({ type: "DELAY_REFUND", refundKey: refund.key })).map((refund) => refund.key),
    hurry: Object.keys(state.deadlines).filter((key) => accepts({ type: "HURRY_SIMULATION", deadline: key })),
    carrier: CARRIER_CONTROLS.filter((type) => accepts({ type })),
  };
}
