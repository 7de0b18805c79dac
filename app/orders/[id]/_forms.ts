/**
 * How each command a person sends looks on the order page: its tone, what pressing it does (money,
 * deadlines: shown before, not after) and its fields. Keyed by every person command, so a new one
 * without a form fails to compile. Every number and list comes from the order DTO, which asks the
 * engine: the reasons, targets and case types each action allows, its refund preview, the policy's
 * durations, and the limits in lib/order/limits.ts. Every sentence is the viewer's language
 * (messages/*.json, namespace "forms").
 */
import {
  APPEAL_OUTCOME_CHOICES,
  CASE_TYPE_LABELS,
  DISPUTE_OUTCOME_CHOICES,
  INFO_PARTY_CHOICES,
  REFUND_DISPUTE_OUTCOME_CHOICES,
  describeBreakdown,
  PAYMENT_METHOD_LABELS,
  REQUEST_CASE_TYPE_CHOICES,
  RETURN_CARRIERS,
  TRACKING_NUMBER,
  findReason,
  isSellerFault,
  requestRuleSentences,
  photoHint,
  type ActionView,
  type PersonCommandType,
  type RequestOption,
} from "@/lib/order";
import type { Format } from "@/lib/i18n/format";
import type { Message } from "@/lib/i18n/message";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import type { FieldSpec } from "./_components/command-form";

/** The viewer's language for a form: `t` over the "forms" namespace, `render` for the engine's messages. */
export interface FormWords {
  t: (key: string, params?: Record<string, string | number>) => string;
  render: (message: Message) => string;
  f: Format;
}

export interface Form {
  tone: "danger" | "primary" | "neutral";
  /** What pressing it does; a list when there are options to compare. */
  explain?: (order: OrderDetail, action: ActionView, w: FormWords) => string | string[];
  fields?: (order: OrderDetail, action: ActionView, w: FormWords) => FieldSpec[];
}

const money = (order: OrderDetail, minor: number, w: FormWords) => w.f.money(minor, order.currency);
const choices = (labels: Record<string, Message>, w: FormWords) => Object.entries(labels).map(([value, label]) => ({ value, label: w.render(label) }));
const durations = (o: OrderDetail, w: FormWords, key: keyof OrderDetail["durations"]) => w.render(o.durations[key]);

const reasonField =
  (labelKey: string) =>
  (_: OrderDetail, action: ActionView, w: FormWords): FieldSpec[] => [
    { kind: "select", name: "reasonKey", label: w.t(labelKey), placeholder: w.t("chooseReason"), options: action.reasons.map((r) => ({ value: r.key, label: w.render(r.label) })) },
  ];

/** The dispute (or subject) an action is aimed at: a choice when there is more than one, hidden when there is one. */
const targetField =
  (name: string, labelKey: string) =>
  (_: OrderDetail, action: ActionView, w: FormWords): FieldSpec[] =>
    action.targets.length === 1
      ? [{ kind: "hidden", name, value: action.targets[0]!.value }]
      : [{ kind: "select", name, label: w.t(labelKey), placeholder: w.t("chooseOne"), options: action.targets.map((target) => ({ value: target.value, label: w.render(target.label) })) }];

const photosField = (w: FormWords, labelKey = "photosOptional", required: "optional" | "at least one" = "optional"): FieldSpec => ({ kind: "photos", name: "photos", label: w.t(labelKey), hint: w.render(photoHint(required)) });

/** The refund an action would make, in a sentence. */
function refundText(order: OrderDetail, action: ActionView, whose: "you" | "buyer", w: FormWords): string {
  const refund = action.refund;
  if (!refund) return w.t(whose === "you" ? "refund.nothingPaidYou" : "refund.nothingPaidBuyer");
  const params = { whose, full: refund.totalMinor === order.totalMinor ? "yes" : "no", amount: money(order, refund.totalMinor, w), method: w.render(PAYMENT_METHOD_LABELS[refund.destination]) };
  return refund.arrived ? w.t("refund.atOnce", params) : w.t("refund.expected", { ...params, by: w.f.day(refund.expectedArrivalAt) });
}

/** The most a decision for the buyer can refund on the order's open case dispute, next to the amount field. */
function refundableHint(order: OrderDetail, w: FormWords): { hint?: string } {
  const most = order.disputes.find((d) => d.refundableMinor !== null)?.refundableMinor;
  return most === undefined || most === null ? {} : { hint: w.t("refundableHint", { amount: money(order, most, w) }) };
}

/** One request option: its type, the reasons it covers (by who is at fault, from the catalogue) and what it refunds. */
function optionText(order: OrderDetail, option: RequestOption, w: FormWords): string {
  const reasons = option.reasonKeys.flatMap((key) => findReason(key) ?? []);
  const labels = reasons.map((reason) => w.render(reason.label));
  const listed = labels.length > 3 ? `${w.f.list(labels.slice(0, 3))}…` : w.f.list(labels);
  return w.t(reasons.every(isSellerFault) ? "requestOption.ifWrong" : "requestOption.for", {
    type: w.render(CASE_TYPE_LABELS[option.caseType]),
    reasons: listed,
    amount: money(order, option.breakdown.totalMinor, w),
    breakdown: w.render(describeBreakdown(option.breakdown)),
  });
}

/** What the engine says about reasons whose effect depends on timing ("Item wasn't shipped on time": …). */
function reasonNotes(action: ActionView, w: FormWords): string {
  return action.reasons.flatMap((reason) => (reason.note ? [" " + w.t("reasonNote", { reason: w.render(reason.label), note: w.render(reason.note) })] : [])).join("");
}

/** Which reason allows which request, from the engine's rule ("Package not received: a refund only, with a written description."). */
function requestNeeds(action: ActionView, w: FormWords): string {
  return requestRuleSentences(action.reasons.map((reason) => reason.key))
    .map(w.render)
    .join(" ");
}

export const FORMS: Record<PersonCommandType, Form> = {
  PAY: {
    tone: "primary",
    explain: (o, _, w) => w.t("PAY.explain", { amount: money(o, o.totalMinor, w), method: w.render(o.paymentMethodLabel), window: durations(o, w, "remorseWindow") }),
  },
  BUYER_CANCEL: { tone: "danger", explain: (o, a, w) => `${refundText(o, a, "you", w)}${reasonNotes(a, w)}`, fields: reasonField("reasonCancel") },
  REQUEST_CANCEL: {
    tone: "danger",
    // The engine's preview refunds only when the request would be approved at once (after the dispatch deadline; issue 27, R9).
    explain: (o, a, w) =>
      a.refund
        ? `${w.t("REQUEST_CANCEL.late")} ${refundText(o, a, "you", w)}${reasonNotes(a, w)}`
        : `${w.t("REQUEST_CANCEL.explain", { within: durations(o, w, "cancelRequestAnswer") })}${reasonNotes(a, w)}`,
    fields: reasonField("reasonCancel"),
  },
  WITHDRAW_CANCEL_REQUEST: { tone: "neutral", explain: (_, __, w) => w.t("WITHDRAW_CANCEL_REQUEST.explain") },
  APPROVE_CANCEL_REQUEST: { tone: "danger", explain: (o, a, w) => `${w.t("APPROVE_CANCEL_REQUEST.explain")} ${refundText(o, a, "buyer", w)}` },
  REJECT_CANCEL_REQUEST: { tone: "neutral", explain: (_, __, w) => w.t("REJECT_CANCEL_REQUEST.explain"), fields: reasonField("reasonReject") },
  SELLER_CANCEL: {
    tone: "danger",
    explain: (o, action, w) => {
      const sellerFault = action.reasons.filter(isSellerFault).map((reason) => w.t("quoted", { text: w.render(reason.label) }));
      return `${refundText(o, action, "buyer", w)}${sellerFault.length ? " " + w.t("SELLER_CANCEL.counts", { reasons: w.f.list(sellerFault) }) : ""}`;
    },
    fields: reasonField("reasonCancel"),
  },
  ARRANGE_SHIPMENT: { tone: "primary", explain: (o, _, w) => w.t("ARRANGE_SHIPMENT.explain", { within: durations(o, w, "carrierPickup") }) },
  OPERATOR_CANCEL: { tone: "danger", explain: (o, a, w) => `${w.t("OPERATOR_CANCEL.explain")} ${refundText(o, a, "buyer", w)}`, fields: reasonField("reasonOperator") },
  REFUSE_PARCEL: { tone: "danger", explain: (o, _, w) => w.t("REFUSE_PARCEL.explain", { within: durations(o, w, "inspection") }) },
  REQUEST_RETURN: {
    tone: "primary",
    explain: (o, a, w) => [
      w.t("REQUEST_RETURN.lead"),
      ...a.requestOptions.map((option) => optionText(o, option, w)),
      ...(o.autoRefundUpToMinor > 0 && a.caseTypes.includes("REFUND_ONLY") ? [w.t("REQUEST_RETURN.autoRefund", { amount: money(o, o.autoRefundUpToMinor, w) })] : []),
    ],
    fields: (o, a, w) => [
      a.caseTypes.length > 1
        ? { kind: "radio", name: "caseType", label: w.t("REQUEST_RETURN.caseType"), options: a.caseTypes.map((type) => ({ value: type, label: w.render(REQUEST_CASE_TYPE_CHOICES[type]) })) }
        : { kind: "hidden", name: "caseType", value: a.caseTypes[0] ?? "" },
      ...reasonField("REQUEST_RETURN.reason")(o, a, w),
      { kind: "textarea", name: "description", label: w.t("REQUEST_RETURN.description"), hint: requestNeeds(a, w) },
      photosField(w, "photos"),
    ],
  },
  WITHDRAW_RETURN: { tone: "neutral", explain: (_, __, w) => w.t("WITHDRAW_RETURN.explain") },
  ACCEPT_OFFER: { tone: "primary", explain: (o, a, w) => `${w.t("ACCEPT_OFFER.explain")} ${refundText(o, a, "you", w)}` },
  DECLINE_OFFER: { tone: "neutral", explain: (_, __, w) => w.t("DECLINE_OFFER.explain") },
  SHIP_RETURN: {
    tone: "primary",
    explain: (o, _, w) => w.t(o.returnMethods.length > 1 ? "SHIP_RETURN.explainChoice" : "SHIP_RETURN.explain", { address: o.returnAddress || w.t("SHIP_RETURN.returnAddress") }),
    fields: (o, _, w) => [
      o.returnMethods.length > 1
        ? { kind: "radio", name: "method", label: w.t("SHIP_RETURN.method"), options: o.returnMethods.map((method) => ({ value: method.value, label: w.render(method.label) })) }
        : { kind: "hidden", name: "method", value: o.returnMethods[0]?.value ?? "SELF_ARRANGED" },
      { kind: "select", name: "carrier", label: w.t(o.returnMethods.length > 1 ? "SHIP_RETURN.carrierIfSelf" : "SHIP_RETURN.carrier"), placeholder: w.t("SHIP_RETURN.chooseCarrier"), options: RETURN_CARRIERS.map((c) => ({ value: c, label: c })) },
      {
        kind: "text",
        name: "trackingNumber",
        label: w.t(o.returnMethods.length > 1 ? "SHIP_RETURN.trackingIfSelf" : "SHIP_RETURN.tracking"),
        hint: w.t("SHIP_RETURN.trackingHint", { min: TRACKING_NUMBER.min, max: TRACKING_NUMBER.max }),
      },
    ],
  },
  APPROVE_RETURN: {
    tone: "primary",
    // Approving a return refunds nothing yet: the item comes back first.
    explain: (o, a, w) => (a.refund ? `${w.t("APPROVE_RETURN.keeps")} ${refundText(o, a, "buyer", w)}` : w.t("APPROVE_RETURN.shipsBack", { within: durations(o, w, "shipBack") })),
  },
  REJECT_RETURN: { tone: "danger", explain: (o, _, w) => w.t("REJECT_RETURN.explain", { within: durations(o, w, "disputeFiling") }), fields: reasonField("reasonReject") },
  OFFER_PARTIAL_REFUND: {
    tone: "neutral",
    explain: (o, _, w) => w.t("OFFER_PARTIAL_REFUND.explain", { within: durations(o, w, "offerAnswer") }),
    fields: (o, _, w) => [{ kind: "money", name: "amount", label: w.t("OFFER_PARTIAL_REFUND.amount", { currency: o.currency }), hint: w.t("OFFER_PARTIAL_REFUND.hint") }],
  },
  ACCEPT_RETURNED_PARCEL: { tone: "primary", explain: (o, a, w) => `${w.t("ACCEPT_RETURNED_PARCEL.explain")} ${refundText(o, a, "buyer", w)}` },
  REJECT_RETURNED_PARCEL: {
    tone: "danger",
    explain: (o, _, w) => w.t("REJECT_RETURNED_PARCEL.explain", { within: durations(o, w, "disputeFiling") }),
    fields: (o, a, w) => [...reasonField("reasonReject")(o, a, w), photosField(w, "REJECT_RETURNED_PARCEL.photos", "at least one")],
  },
  CONFIRM_REFUSED_PARCEL: { tone: "primary", explain: (o, a, w) => `${w.t("CONFIRM_REFUSED_PARCEL.explain")} ${refundText(o, a, "buyer", w)}` },
  ESCALATE: {
    tone: "neutral",
    explain: (_, a, w) => `${a.targets.length === 1 ? w.t("ESCALATE.about", { target: w.render(a.targets[0]!.label) }) + " " : ""}${w.t("ESCALATE.explain")}`,
    fields: (o, a, w) => [...targetField("subject", "ESCALATE.subject")(o, a, w), { kind: "textarea", name: "statement", label: w.t("statement") }, photosField(w)],
  },
  ADD_DISPUTE_STATEMENT: {
    tone: "neutral",
    fields: (o, a, w) => [...targetField("disputeId", "whichDispute")(o, a, w), { kind: "textarea", name: "statement", label: w.t("statement") }, photosField(w)],
  },
  DECIDE_DISPUTE: {
    tone: "primary",
    explain: (o, _, w) => w.t("DECIDE_DISPUTE.explain", { within: durations(o, w, "appealWindow") }),
    fields: (o, a, w) => [
      ...targetField("disputeId", "whichDispute")(o, a, w),
      { kind: "radio", name: "outcome", label: w.t("decision"), options: choices(DISPUTE_OUTCOME_CHOICES, w) },
      { kind: "money", name: "amount", label: w.t("DECIDE_DISPUTE.amount", { currency: o.currency }), ...refundableHint(o, w) },
      { kind: "checkbox", name: "returnRequired", label: w.t("DECIDE_DISPUTE.returnRequired") },
      { kind: "textarea", name: "rationale", label: w.t("DECIDE_DISPUTE.rationale") },
    ],
  },
  DECIDE_REFUND_DISPUTE: {
    tone: "primary",
    fields: (o, a, w) => [
      ...targetField("disputeId", "DECIDE_REFUND_DISPUTE.which")(o, a, w),
      { kind: "radio", name: "outcome", label: w.t("decision"), options: choices(REFUND_DISPUTE_OUTCOME_CHOICES, w) },
      { kind: "textarea", name: "rationale", label: w.t("rationale") },
    ],
  },
  APPEAL_DECISION: {
    tone: "neutral",
    explain: (_, __, w) => w.t("APPEAL_DECISION.explain"),
    fields: (o, a, w) => [...targetField("disputeId", "APPEAL_DECISION.which")(o, a, w), { kind: "textarea", name: "statement", label: w.t("APPEAL_DECISION.statement") }],
  },
  DECIDE_APPEAL: {
    tone: "primary",
    fields: (o, a, w) => [
      ...targetField("disputeId", "DECIDE_APPEAL.which")(o, a, w),
      { kind: "radio", name: "outcome", label: w.t("DECIDE_APPEAL.outcome"), options: choices(APPEAL_OUTCOME_CHOICES, w) },
      { kind: "textarea", name: "rationale", label: w.t("rationale") },
    ],
  },
  TAKE_DISPUTE: {
    tone: "neutral",
    explain: (_, __, w) => w.t("TAKE_DISPUTE.explain"),
    // A reason only to take a case over from the agent who has it (it goes on the timeline).
    fields: (o, a, w) => [
      ...targetField("disputeId", "TAKE_DISPUTE.which")(o, a, w),
      ...(o.disputes.some((d) => d.assignee && a.targets.some((t) => t.value === d.id)) ? [{ kind: "textarea" as const, name: "reason", label: w.t("TAKE_DISPUTE.reason") }] : []),
    ],
  },
  ASK_FOR_INFORMATION: {
    tone: "neutral",
    explain: (o, _, w) => w.t("ASK_FOR_INFORMATION.explain", { within: durations(o, w, "infoAnswer") }),
    fields: (o, a, w) => [
      ...targetField("disputeId", "whichDispute")(o, a, w),
      { kind: "radio", name: "party", label: w.t("ASK_FOR_INFORMATION.party"), options: choices(INFO_PARTY_CHOICES, w) },
      { kind: "textarea", name: "question", label: w.t("ASK_FOR_INFORMATION.question") },
    ],
  },
};
