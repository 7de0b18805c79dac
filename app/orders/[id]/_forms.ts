/**
 * How each command a person sends looks on the order page: its tone, what pressing it does (money,
 * deadlines: shown before, not after) and its fields. Keyed by every person command, so a new one
 * without a form fails to compile. Every number and list comes from the order DTO, which asks the
 * engine: the reasons, targets and case types each action allows, its refund preview, the policy's
 * durations, and the limits in lib/order/limits.ts.
 */
import { formatDay } from "@/lib/format";
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
import { formatMoney } from "@/lib/money";
import type { OrderDetail } from "@/lib/server/orders/get-order";
import type { FieldSpec } from "./_components/command-form";

export interface Form {
  tone: "danger" | "primary" | "neutral";
  /** What pressing it does; a list when there are options to compare. */
  explain?: (order: OrderDetail, action: ActionView) => string | string[];
  fields?: (order: OrderDetail, action: ActionView) => FieldSpec[];
}

const money = (order: OrderDetail, minor: number) => formatMoney(minor, order.currency);
const choices = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

const reasonField =
  (label: string) =>
  (_: OrderDetail, action: ActionView): FieldSpec[] => [
    { kind: "select", name: "reasonKey", label, placeholder: "Choose a reason", options: action.reasons.map((r) => ({ value: r.key, label: r.label })) },
  ];

/** The dispute (or subject) an action is aimed at: a choice when there is more than one, hidden when there is one. */
const targetField =
  (name: string, label: string) =>
  (_: OrderDetail, action: ActionView): FieldSpec[] =>
    action.targets.length === 1
      ? [{ kind: "hidden", name, value: action.targets[0]!.value }]
      : [{ kind: "select", name, label, placeholder: "Choose one", options: action.targets }];

const photosField = (label = "Photos (optional)", required: "optional" | "at least one" = "optional"): FieldSpec => ({ kind: "photos", name: "photos", label, hint: photoHint(required) });

/** The refund an action would make, in a sentence. */
function refundText(order: OrderDetail, action: ActionView, whose: "You" | "The buyer"): string {
  const refund = action.refund;
  if (!refund) return whose === "You" ? "Nothing has been paid yet, so there is nothing to refund." : "Nothing was paid, so nothing is refunded.";
  const to = `${whose === "You" ? "your" : "the buyer's"} ${PAYMENT_METHOD_LABELS[refund.destination]}`;
  const amount = `${refund.totalMinor === order.totalMinor ? "a full refund" : "a refund"} of ${money(order, refund.totalMinor)}`;
  const verb = whose === "You" ? "You will get" : "The buyer gets";
  return refund.arrived ? `${verb} ${amount} to ${to} at once.` : `${verb} ${amount} to ${to}, expected by ${formatDay(refund.expectedArrivalAt)}.`;
}

/** The most a decision for the buyer can refund on the order's open case dispute, next to the amount field. */
function refundableHint(order: OrderDetail): { hint?: string } {
  const most = order.disputes.find((d) => d.refundableMinor !== null)?.refundableMinor;
  return most === undefined || most === null ? {} : { hint: `At most ${money(order, most)}: what is left to refund on this case.` };
}

/** One request option: its type, the reasons it covers (by who is at fault, from the catalogue) and what it refunds. */
function optionText(order: OrderDetail, option: RequestOption): string {
  const reasons = option.reasonKeys.flatMap((key) => findReason(key) ?? []);
  const labels = reasons.map((reason) => reason.label);
  const listed = labels.length > 3 ? `${labels.slice(0, 3).join(", ")}…` : labels.join(", ");
  const shown = reasons.every(isSellerFault) ? `if something is wrong (${listed})` : `for ${listed}`;
  return `${CASE_TYPE_LABELS[option.caseType]}, ${shown}: ${money(order, option.breakdown.totalMinor)} (${describeBreakdown(option.breakdown)})`;
}

/** What the engine says about reasons whose effect depends on timing ("Item wasn't shipped on time": …). */
function reasonNotes(action: ActionView): string {
  return action.reasons.flatMap((reason) => (reason.note ? [` "${reason.label}": ${reason.note}`] : [])).join("");
}

/** Which reason allows which request, from the engine's rule ("Package not received: a refund only, with a written description."). */
function requestNeeds(action: ActionView): string {
  return requestRuleSentences(action.reasons.map((reason) => reason.key)).join(" ");
}

export const FORMS: Record<PersonCommandType, Form> = {
  PAY: {
    tone: "primary",
    explain: (o) => `Pay ${money(o, o.totalMinor)} by ${o.paymentMethodLabel} (simulated). You can still cancel at once for ${o.durations.remorseWindow} afterwards.`,
  },
  BUYER_CANCEL: { tone: "danger", explain: (o, a) => `${refundText(o, a, "You")}${reasonNotes(a)}`, fields: reasonField("Reason for cancelling") },
  REQUEST_CANCEL: {
    tone: "danger",
    // The engine's preview refunds only when the request would be approved at once (after the dispatch deadline; issue 27, R9).
    explain: (o, a) =>
      a.refund
        ? `The seller missed the dispatch deadline, so the platform approves your request at once. ${refundText(o, a, "You")}${reasonNotes(a)}`
        : `The seller is processing this order, so they decide, within ${o.durations.cancelRequestAnswer}. If they don't answer in time, the platform approves it. You can ask only once.${reasonNotes(a)}`,
    fields: reasonField("Reason for cancelling"),
  },
  WITHDRAW_CANCEL_REQUEST: { tone: "neutral", explain: () => "Withdrawing keeps the order. You cannot ask to cancel it again." },
  APPROVE_CANCEL_REQUEST: { tone: "danger", explain: (o, a) => `The order is cancelled and the stock comes back. ${refundText(o, a, "The buyer")}` },
  REJECT_CANCEL_REQUEST: { tone: "neutral", explain: () => "The order goes on; ship it before the dispatch deadline.", fields: reasonField("Reason for rejecting") },
  SELLER_CANCEL: {
    tone: "danger",
    explain: (o, action) => {
      const sellerFault = action.reasons.filter(isSellerFault).map((reason) => `"${reason.label}"`);
      return `${refundText(o, action, "The buyer")}${sellerFault.length ? ` ${sellerFault.join(", ")} count towards your seller-fault cancellation rate.` : ""}`;
    },
    fields: reasonField("Reason for cancelling"),
  },
  ARRANGE_SHIPMENT: { tone: "primary", explain: (o) => `Print the label and pack the parcel; the carrier picks it up within ${o.durations.carrierPickup}.` },
  OPERATOR_CANCEL: { tone: "danger", explain: (o, a) => `Cancels the order for fraud or risk; not counted against the shop. ${refundText(o, a, "The buyer")}`, fields: reasonField("Reason (operator)") },
  REFUSE_PARCEL: {
    tone: "danger",
    explain: (o) =>
      `Refusing sends the parcel back to the seller. It is slower than a return: you are refunded only once the seller confirms the parcel is back (within ${o.durations.inspection} of its arrival), the original shipping is not refunded and the return postage is deducted. If something goes wrong you may need to ask platform support.`,
  },
  REQUEST_RETURN: {
    tone: "primary",
    explain: (o, a) => [
      "What you would get back:",
      ...a.requestOptions.map((option) => optionText(o, option)),
      ...(o.autoRefundUpToMinor > 0 && a.caseTypes.includes("REFUND_ONLY") ? [`This shop refunds a request for a refund only (no return) of up to ${money(o, o.autoRefundUpToMinor)} at once, without waiting for its review.`] : []),
    ],
    fields: (o, a) => [
      a.caseTypes.length > 1
        ? { kind: "radio", name: "caseType", label: "What do you want?", options: a.caseTypes.map((type) => ({ value: type, label: REQUEST_CASE_TYPE_CHOICES[type] })) }
        : { kind: "hidden", name: "caseType", value: a.caseTypes[0] ?? "" },
      ...reasonField("What is wrong?")(o, a),
      { kind: "textarea", name: "description", label: "Describe the problem", hint: requestNeeds(a) },
      photosField("Photos"),
    ],
  },
  WITHDRAW_RETURN: { tone: "neutral", explain: () => "Withdraw your request; the order goes on as it was." },
  ACCEPT_OFFER: { tone: "primary", explain: (o, a) => `You keep the item. ${refundText(o, a, "You")}` },
  DECLINE_OFFER: { tone: "neutral", explain: () => "The seller then has to approve or reject your original request." },
  SHIP_RETURN: {
    tone: "primary",
    explain: (o) =>
      o.returnMethods.length > 1
        ? `Send the item to: ${o.returnAddress || "the shop's return address"}. With the prepaid label you drop the parcel off and pay nothing; if you arrange shipping yourself, you pay the carrier and enter its tracking number.`
        : `Send the item to: ${o.returnAddress || "the shop's return address"}, and enter the carrier and tracking number.`,
    fields: (o) => [
      o.returnMethods.length > 1
        ? { kind: "radio", name: "method", label: "How will you send it?", options: o.returnMethods }
        : { kind: "hidden", name: "method", value: o.returnMethods[0]?.value ?? "SELF_ARRANGED" },
      { kind: "select", name: "carrier", label: o.returnMethods.length > 1 ? "Carrier (if you arrange shipping yourself)" : "Carrier", placeholder: "Choose the carrier", options: RETURN_CARRIERS.map((c) => ({ value: c, label: c })) },
      {
        kind: "text",
        name: "trackingNumber",
        label: o.returnMethods.length > 1 ? "Tracking number (if you arrange shipping yourself)" : "Tracking number",
        hint: `${TRACKING_NUMBER.min} to ${TRACKING_NUMBER.max} letters and digits, as printed on the receipt.`,
      },
    ],
  },
  APPROVE_RETURN: {
    tone: "primary",
    // Approving a return refunds nothing yet: the item comes back first.
    explain: (o, a) => (a.refund ? `The buyer keeps the item. ${refundText(o, a, "The buyer")}` : `The buyer ships the item back within ${o.durations.shipBack}; you inspect it when it arrives.`),
  },
  REJECT_RETURN: { tone: "danger", explain: (o) => `The buyer may ask platform support to decide within ${o.durations.disputeFiling}.`, fields: reasonField("Reason for rejecting") },
  OFFER_PARTIAL_REFUND: {
    tone: "neutral",
    explain: (o) => `Offer part of the money instead; the buyer keeps the item. They have ${o.durations.offerAnswer} to answer. You can offer only once.`,
    fields: (o) => [{ kind: "money", name: "amount", label: `Amount to offer (${o.currency})`, hint: "For example 12.50." }],
  },
  ACCEPT_RETURNED_PARCEL: { tone: "primary", explain: (o, a) => `The item goes back into stock. ${refundText(o, a, "The buyer")}` },
  REJECT_RETURNED_PARCEL: {
    tone: "danger",
    explain: (o) => `Show what you received. The buyer may ask platform support to decide within ${o.durations.disputeFiling}.`,
    fields: (o, a) => [...reasonField("Reason for rejecting")(o, a), photosField("Photos of what you received", "at least one")],
  },
  CONFIRM_REFUSED_PARCEL: { tone: "primary", explain: (o, a) => `The original shipping is not refunded and the return postage is deducted. ${refundText(o, a, "The buyer")}` },
  ESCALATE: {
    tone: "neutral",
    explain: (_, a) => `${a.targets.length === 1 ? `About: ${a.targets[0]!.label}. ` : ""}Platform support reads both sides and the whole history, and decides.`,
    fields: (o, a) => [...targetField("subject", "What should support decide?")(o, a), { kind: "textarea", name: "statement", label: "Your statement" }, photosField()],
  },
  ADD_DISPUTE_STATEMENT: {
    tone: "neutral",
    fields: (o, a) => [...targetField("disputeId", "Which dispute?")(o, a), { kind: "textarea", name: "statement", label: "Your statement" }, photosField()],
  },
  DECIDE_DISPUTE: {
    tone: "primary",
    explain: (o) => `A decision for the buyer can be appealed by the seller within ${o.durations.appealWindow}.`,
    fields: (o, a) => [
      ...targetField("disputeId", "Which dispute?")(o, a),
      { kind: "radio", name: "outcome", label: "Decision", options: choices(DISPUTE_OUTCOME_CHOICES) },
      {
        kind: "money",
        name: "amount",
        label: `Partial amount in ${o.currency} (leave empty for a full refund)`,
        ...refundableHint(o),
      },
      { kind: "checkbox", name: "returnRequired", label: "The buyer must return the item first" },
      { kind: "textarea", name: "rationale", label: "Rationale (both parties read it)" },
    ],
  },
  DECIDE_REFUND_DISPUTE: {
    tone: "primary",
    fields: (o, a) => [
      ...targetField("disputeId", "Which refund?")(o, a),
      { kind: "radio", name: "outcome", label: "Decision", options: choices(REFUND_DISPUTE_OUTCOME_CHOICES) },
      { kind: "textarea", name: "rationale", label: "Rationale" },
    ],
  },
  APPEAL_DECISION: {
    tone: "neutral",
    explain: () => "Another platform support agent reviews the decision. If you win after the buyer was refunded, the platform compensates you.",
    fields: (o, a) => [...targetField("disputeId", "Which decision?")(o, a), { kind: "textarea", name: "statement", label: "Why the decision is wrong" }],
  },
  DECIDE_APPEAL: {
    tone: "primary",
    fields: (o, a) => [
      ...targetField("disputeId", "Which appeal?")(o, a),
      { kind: "radio", name: "outcome", label: "Appeal", options: choices(APPEAL_OUTCOME_CHOICES) },
      { kind: "textarea", name: "rationale", label: "Rationale" },
    ],
  },
  TAKE_DISPUTE: {
    tone: "neutral",
    explain: () => "The case is yours until you decide it: other agents see that you have it, and can take it over only with a reason.",
    // A reason only to take a case over from the agent who has it (it goes on the timeline).
    fields: (o, a) => [
      ...targetField("disputeId", "Which case?")(o, a),
      ...(o.disputes.some((d) => d.assignee && a.targets.some((t) => t.value === d.id))
        ? [{ kind: "textarea" as const, name: "reason", label: "Why you are taking it over from the agent who has it" }]
        : []),
    ],
  },
  ASK_FOR_INFORMATION: {
    tone: "neutral",
    explain: (o) => `They are notified and asked to answer with a statement within ${o.durations.infoAnswer}; the queue shows the target. Nothing happens automatically.`,
    fields: (o, a) => [
      ...targetField("disputeId", "Which dispute?")(o, a),
      { kind: "radio", name: "party", label: "Ask", options: choices(INFO_PARTY_CHOICES) },
      { kind: "textarea", name: "question", label: "Your question" },
    ],
  },
};
