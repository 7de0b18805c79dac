/**
 * What each decision on a dispute would do, asked of the engine before support sends it (issue 17,
 * point 4): the same `decide` the command runs, on the same state, described in sentences: who gets
 * what, whether a return is required, what becomes of the order, and whether it can be appealed.
 */
import { at, m, money as moneyParam, type Message } from "../i18n/message";
import type { Command, RefundEffect } from "./commands";
import type { DisputeOutcome } from "./dispute";
import { decide } from "./machine";
import { PAYMENT_METHOD_LABELS, STATUS_LABELS, type Actor, type OrderState } from "./model";
import { describeDuration, type Policy } from "./policy";

export interface OutcomePreview {
  outcome: DisputeOutcome;
  returnRequired: boolean;
  label: Message;
  /** What it does, in sentences; empty when the engine would refuse it now. */
  effects: Message[];
}

/** A rationale long enough for the rules: the preview is about effects, not wording. */
const PREVIEW_RATIONALE = "Preview of the decision's effects.";

/** Each decision support may make on this open dispute now, with what it would do; [] when none. */
export function previewDisputeOutcomes(state: OrderState, disputeId: string, actor: Actor, now: Date, policy: Policy): OutcomePreview[] {
  const dispute = state.disputes.find((d) => d.id === disputeId);
  if (!dispute || dispute.status !== "OPEN") return [];
  const options: { label: Message; outcome: DisputeOutcome; returnRequired: boolean; command: Command }[] =
    dispute.subject === "REFUND"
      ? [
          { label: m("engine.disputePreview.payToWallet"), outcome: "BUYER", returnRequired: false, command: { type: "DECIDE_REFUND_DISPUTE", disputeId, outcome: "BUYER", rationale: PREVIEW_RATIONALE } },
          { label: m("engine.disputePreview.dismiss"), outcome: "SELLER", returnRequired: false, command: { type: "DECIDE_REFUND_DISPUTE", disputeId, outcome: "SELLER", rationale: PREVIEW_RATIONALE } },
        ]
      : [
          { label: m("engine.disputePreview.buyerInFull"), outcome: "BUYER", returnRequired: false, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: false, rationale: PREVIEW_RATIONALE } },
          { label: m("engine.disputePreview.buyerReturn"), outcome: "BUYER", returnRequired: true, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "BUYER", amountMinor: null, returnRequired: true, rationale: PREVIEW_RATIONALE } },
          { label: m("engine.disputePreview.seller"), outcome: "SELLER", returnRequired: false, command: { type: "DECIDE_DISPUTE", disputeId, outcome: "SELLER", amountMinor: null, returnRequired: false, rationale: PREVIEW_RATIONALE } },
        ];
  return options.flatMap(({ command, ...option }) => {
    const decision = decide(state, command, actor, now, policy);
    if (!decision.ok) return [];
    const money = (minor: number) => moneyParam(minor, state.currency);
    const effects: Message[] = [];
    const refund = decision.effects.find((e): e is RefundEffect => e.type === "REFUND");
    if (refund) {
      effects.push(
        refund.destination === "WALLET" && refund.arrived
          ? m("engine.disputePreview.walletAtOnce", { amount: money(refund.totalMinor) })
          : m("engine.disputePreview.refunded", { amount: money(refund.totalMinor), method: PAYMENT_METHOD_LABELS[refund.destination], expected: at(refund.expectedArrivalAt) }),
      );
    }
    const shipBack = decision.deadlines.open.find((d) => d.kind === "SHIP_BACK");
    if (shipBack) effects.push(m("engine.disputePreview.shipBackFirst", { shipBy: at(shipBack.dueAt) }));
    if (!refund && !shipBack) effects.push(m("engine.disputePreview.nothingRefunded"));
    for (const effect of decision.effects) {
      if (effect.type !== "LEDGER") continue;
      const toSeller = effect.postings.find((p) => p.amountMinor > 0 && p.account.startsWith("seller:"));
      if (effect.kind === "SETTLEMENT" && toSeller) effects.push(m("engine.disputePreview.sellerPaid", { amount: money(toSeller.amountMinor) }));
      if (effect.kind === "POSTAGE") effects.push(m("engine.disputePreview.postage", { amount: money(Math.abs(effect.postings[0]!.amountMinor)) }));
    }
    if (decision.to !== state.status) effects.push(m("engine.disputePreview.orderBecomes", { status: STATUS_LABELS[decision.to] }));
    if (decision.deadlines.open.some((d) => d.kind === "APPEAL_WINDOW")) effects.push(m("engine.disputePreview.mayAppeal", { within: describeDuration(policy.appealWindow) }));
    else effects.push(m("engine.disputePreview.final"));
    return [{ ...option, effects }];
  });
}
