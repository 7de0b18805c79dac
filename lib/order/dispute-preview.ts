/**
 * What each decision on a dispute would do, asked of the engine before support sends it (issue 17,
 * point 4): the same `decide` the command runs, on the same state, described in sentences: who gets
 * what, whether a return is required, what becomes of the order, and whether it can be appealed.
 */
import { formatDateTime } from "../format";
import type { Command, RefundEffect } from "./commands";
import type { DisputeOutcome } from "./dispute";
import { decide } from "./machine";
import { PAYMENT_METHOD_LABELS, STATUS_LABELS, type Actor, type OrderState } from "./model";
import { describeDuration, type Policy } from "./policy";
import { formatMoney } from "../money";

export interface OutcomePreview {
  outcome: DisputeOutcome;
  returnRequired: boolean;
  label: string;
  /** What it does, in sentences; empty when the engine would refuse it now. */
  effects: string[];
}

/** A rationale long enough for the rules: the preview is about effects, not wording. */
const PREVIEW_RATIONALE = "Preview of the decision's effects.";

/** Each decision support may make on this open dispute now, with what it would do; [] when none. */
export function previewDisputeOutcomes(state: OrderState, disputeId: string, actor: Actor, now: Date, policy: Policy): OutcomePreview[] {
  const dispute = state.disputes.find((d) => d.id === disputeId);
  if (!dispute || dispute.status !== "OPEN") return [];
  const options: { label: string; outcome: DisputeOutcome; returnRequired: boolean; command: Command }[] =
    dispute.subject === "REFUND"
      ? [
          { label: "Pay it to the buyer's platform wallet", outcome: "BUYER", returnRequired: false, command: { type: "DECIDE_REFUND_DISPUTE", disputeId, outcome: "BUYER", rationale: PREVIEW_RATIONALE } },
          { label: "Dismiss", outcome: "SELLER", returnRequired: false, command: { type: "DECIDE_REFUND_DISPUTE", disputeId, outcome: "SELLER", rationale: PREVIEW_RATIONALE } },
        ]
      : [
          { label: "For the buyer, in full", outcome: "BUYER", returnRequired: false, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: PREVIEW_RATIONALE } },
          { label: "For the buyer, return required", outcome: "BUYER", returnRequired: true, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: PREVIEW_RATIONALE } },
          { label: "For the seller", outcome: "SELLER", returnRequired: false, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: PREVIEW_RATIONALE } },
        ];
  return options.flatMap(({ command, ...option }) => {
    const decision = decide(state, command, actor, now, policy);
    if (!decision.ok) return [];
    const money = (minor: number) => formatMoney(minor, state.currency);
    const effects: string[] = [];
    const refund = decision.effects.find((e): e is RefundEffect => e.type === "REFUND");
    if (refund) {
      effects.push(
        refund.destination === "WALLET" && refund.arrived
          ? `The buyer gets ${money(refund.totalMinor)} in their platform wallet at once.`
          : `The buyer is refunded ${money(refund.totalMinor)} to their ${PAYMENT_METHOD_LABELS[refund.destination]}, expected by ${formatDateTime(refund.expectedArrivalAt)}.`,
      );
    }
    const shipBack = decision.deadlines.open.find((d) => d.kind === "SHIP_BACK");
    if (shipBack) effects.push(`No refund yet: the buyer must ship the item back by ${formatDateTime(shipBack.dueAt)}, and is refunded in full when it reaches the seller.`);
    if (!refund && !shipBack) effects.push("Nothing is refunded.");
    for (const effect of decision.effects) {
      if (effect.type !== "LEDGER") continue;
      const toSeller = effect.postings.find((p) => p.amountMinor > 0 && p.account.startsWith("seller:"));
      if (effect.kind === "SETTLEMENT" && toSeller) effects.push(`The seller is paid ${money(toSeller.amountMinor)} from escrow.`);
      if (effect.kind === "POSTAGE") effects.push(`Return postage of ${money(Math.abs(effect.postings[0]!.amountMinor))} is charged.`);
    }
    if (decision.to !== state.status) effects.push(`The order becomes ${STATUS_LABELS[decision.to].toLowerCase()}.`);
    if (decision.deadlines.open.some((d) => d.kind === "APPEAL_WINDOW")) effects.push(`The seller may appeal within ${describeDuration(policy.appealWindow)}; another agent decides the appeal.`);
    else effects.push("Final: no appeal.");
    return [{ ...option, effects }];
  });
}
