/** Completion: when the return window ends with no open case, the order completes and escrow settles to the seller. */
import { event } from "./events";
import { openCase } from "./outcomes/case";
import { settlement } from "./outcomes/refund";
import { caseWord, money, notify } from "./sentences";
import { timerDue, type Rules } from "./shape";

export const COMPLETION_RULES: Rules<"COMPLETE_ORDER"> = {
  COMPLETE_ORDER: {
    label: "Complete the order when the return window ends",
    roles: ["SYSTEM"],
    from: ["DELIVERED"],
    to: ["COMPLETED"],
    timer: timerDue("RETURN_WINDOW"),
    apply: (ctx) => {
      const { state } = ctx;
      const current = openCase(ctx);
      if (current) {
        return {
          deadlines: { close: ["RETURN_WINDOW"] },
          event: event("RETURN_WINDOW_ENDED", `The return window ended; the order completes when the open ${caseWord(current.type)} ends.`),
        };
      }
      return {
        status: "COMPLETED",
        effects: [...settlement(state, state.escrowMinor), notify("SELLER", "ORDER_SETTLED", `Order ${state.code} is complete`, `${money(state, state.escrowMinor)} was settled to your shop.`)],
        event: event("ORDER_COMPLETED", `The return window ended; the order is complete and ${money(state, state.escrowMinor)} was settled to the seller.`),
      };
    },
  },
};
