/**
 * The seller's partial refund offer on a request (one per case): the buyer accepts it and keeps the
 * item, or declines (or stays silent) and the seller decides on the original request.
 */
import { at, m, type Message } from "../../i18n/message";
import { addDuration } from "../policy";
import { maxPartialOffer } from "../return-case";
import { event } from "./events";
import { CASE_STATUSES_OF_ORDER, caseBreakdown, caseDeadlines, caseIn, moveCase, openCase, refundTheCase } from "./outcomes/case";
import { money, notify } from "./sentences";
import { timerDue, type Outcome, type Rules, type StateContext } from "./shape";

type OfferCommand = "OFFER_PARTIAL_REFUND" | "ACCEPT_OFFER" | "DECLINE_OFFER" | "OFFER_TIMEOUT";

function backToSeller(ctx: StateContext, why: Message): Outcome {
  const { state, now, policy } = ctx;
  const decideBy = addDuration(now, policy.sellerReview, policy);
  return {
    returnCase: moveCase(ctx, "RE_REVIEW"),
    deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: decideBy }], close: caseDeadlines(ctx) },
    effects: [notify("SELLER", "OFFER_DECLINED", m("engine.partialOffer.backToSeller.m1", { code: state.code }), m("engine.partialOffer.backToSeller.m3", { why, decideBy: at(decideBy) }))],
    event: event("OFFER_DECLINED", m("engine.partialOffer.backToSeller.m2", { why, decideBy: at(decideBy) }), { caseId: state.returnCase!.id }),
  };
}

export const PARTIAL_OFFER_RULES: Rules<OfferCommand> = {
  OFFER_PARTIAL_REFUND: {
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["REQUESTED"], to: ["OFFERED"] },
    guard: (ctx) => {
      const current = openCase(ctx);
      if (current?.status === "RE_REVIEW") return { reason: m("engine.partialOffer.OFFER_PARTIAL_REFUND.m1") };
      return caseIn("REQUESTED")(ctx);
    },
    validate: ({ state, command, policy }) => {
      const max = maxPartialOffer(state, policy);
      if (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1) return { field: "amount", reason: m("engine.partialOffer.OFFER_PARTIAL_REFUND.m2", { value: money(state, 1) }) };
      if (command.amountMinor > max) {
        return { field: "amount", reason: m("engine.partialOffer.OFFER_PARTIAL_REFUND.m3", { max: money(state, max + 1) }) };
      }
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const answerBy = addDuration(now, policy.offerAnswer, policy);
      return {
        returnCase: moveCase(ctx, "OFFERED", { offerMinor: command.amountMinor }),
        deadlines: { open: [{ kind: "OFFER_ANSWER", dueAt: answerBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "OFFER_MADE", m("engine.partialOffer.OFFER_PARTIAL_REFUND.m4", { amount: money(state, command.amountMinor), code: state.code }), m("engine.partialOffer.OFFER_PARTIAL_REFUND.m6", { answerBy: at(answerBy) }))],
        event: event("OFFER_MADE", m("engine.partialOffer.OFFER_PARTIAL_REFUND.m5", { amount: money(state, command.amountMinor), answerBy: at(answerBy) }), { caseId: state.returnCase!.id, amountMinor: command.amountMinor }),
      };
    },
  },

  ACCEPT_OFFER: {
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["OFFERED"], to: ["REFUNDED"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => {
      const offer = ctx.state.returnCase!.offerMinor!;
      return refundTheCase(ctx, caseBreakdown(ctx, offer), { summary: m("engine.partialOffer.ACCEPT_OFFER.accepted", { amount: money(ctx.state, offer) }) });
    },
  },

  DECLINE_OFFER: {
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, m("engine.partialOffer.DECLINE_OFFER.m1")),
  },

  OFFER_TIMEOUT: {
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    timer: timerDue("OFFER_ANSWER"),
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, m("engine.partialOffer.OFFER_TIMEOUT.m1")),
  },
};
