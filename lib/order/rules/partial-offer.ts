/**
 * The seller's partial refund offer on a request (one per case): the buyer accepts it and keeps the
 * item, or declines (or stays silent) and the seller decides on the original request.
 */
import { formatDateTime } from "../../format";
import { addDuration } from "../policy";
import { maxPartialOffer } from "../return-case";
import { event } from "./events";
import { CASE_STATUSES_OF_ORDER, caseBreakdown, caseDeadlines, caseIn, moveCase, openCase, refundTheCase } from "./outcomes/case";
import { money, notify } from "./sentences";
import { timerDue, type Outcome, type Rules, type StateContext } from "./shape";

type OfferCommand = "OFFER_PARTIAL_REFUND" | "ACCEPT_OFFER" | "DECLINE_OFFER" | "OFFER_TIMEOUT";

function backToSeller(ctx: StateContext, why: string): Outcome {
  const { state, now, policy } = ctx;
  const decideBy = addDuration(now, policy.sellerReview, policy);
  return {
    returnCase: moveCase(ctx, "RE_REVIEW"),
    deadlines: { open: [{ kind: "SELLER_REVIEW", dueAt: decideBy }], close: caseDeadlines(ctx) },
    effects: [notify("SELLER", "OFFER_DECLINED", `Order ${state.code}: your offer was not accepted`, `${why} Approve or reject the original request by ${formatDateTime(decideBy)}; if you don't, it is approved automatically.`)],
    event: event("OFFER_DECLINED", `${why} The seller must approve or reject the original request by ${formatDateTime(decideBy)}.`, { caseId: state.returnCase!.id }),
  };
}

export const PARTIAL_OFFER_RULES: Rules<OfferCommand> = {
  OFFER_PARTIAL_REFUND: {
    label: "Offer a partial refund",
    roles: ["SELLER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["REQUESTED"], to: ["OFFERED"] },
    guard: (ctx) => {
      const current = openCase(ctx);
      if (current?.status === "RE_REVIEW") return { reason: "The buyer declined your offer: approve or reject the original request." };
      return caseIn("REQUESTED")(ctx);
    },
    validate: ({ state, command, policy }) => {
      const max = maxPartialOffer(state, policy);
      if (!Number.isSafeInteger(command.amountMinor) || command.amountMinor < 1) return { field: "amount", reason: `Enter an amount of at least ${money(state, 1)}.` };
      if (command.amountMinor > max) {
        return { field: "amount", reason: `A partial refund must be less than the full refund of ${money(state, max + 1)} and no more than is left to refund.` };
      }
      return null;
    },
    apply: (ctx) => {
      const { state, command, now, policy } = ctx;
      const answerBy = addDuration(now, policy.offerAnswer, policy);
      return {
        returnCase: moveCase(ctx, "OFFERED", { offerMinor: command.amountMinor }),
        deadlines: { open: [{ kind: "OFFER_ANSWER", dueAt: answerBy }], close: caseDeadlines(ctx) },
        effects: [notify("BUYER", "OFFER_MADE", `The seller offers ${money(state, command.amountMinor)} for order ${state.code}`, `You keep the item. Accept or decline by ${formatDateTime(answerBy)}; if you don't answer, the offer is declined and the seller decides on your original request.`)],
        event: event("OFFER_MADE", `The seller offered a partial refund of ${money(state, command.amountMinor)}; the buyer has until ${formatDateTime(answerBy)} to answer.`, { caseId: state.returnCase!.id, amountMinor: command.amountMinor }),
      };
    },
  },

  ACCEPT_OFFER: {
    label: "Accept the offer",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: ["COMPLETED"],
    cases: { from: ["OFFERED"], to: ["REFUNDED"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => {
      const offer = ctx.state.returnCase!.offerMinor!;
      return refundTheCase(ctx, caseBreakdown(ctx, offer), { summary: `The buyer accepted the partial refund of ${money(ctx.state, offer)} and keeps the item.` });
    },
  },

  DECLINE_OFFER: {
    label: "Decline the offer",
    roles: ["BUYER"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, "The buyer declined the partial refund."),
  },

  OFFER_TIMEOUT: {
    label: "Decline an offer the buyer did not answer",
    roles: ["SYSTEM"],
    from: CASE_STATUSES_OF_ORDER,
    to: [],
    cases: { from: ["OFFERED"], to: ["RE_REVIEW"] },
    timer: timerDue("OFFER_ANSWER"),
    guard: caseIn("OFFERED"),
    apply: (ctx) => backToSeller(ctx, "The buyer did not answer the partial refund offer in time, so it counts as declined."),
  },
};
