/** Completion: when the return window ends with no open case, the order completes and escrow settles to the seller. */
import { m } from "../../i18n/message";
import { event } from "./events";
import { openCase } from "./outcomes/case";
import { settlement } from "./outcomes/refund";
import { caseWord, money, notify } from "./sentences";
import { timerDue, type Rules } from "./shape";

export const COMPLETION_RULES: Rules<"COMPLETE_ORDER"> = {
  COMPLETE_ORDER: {
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
          event: event("RETURN_WINDOW_ENDED", m("engine.completion.COMPLETE_ORDER.m4", { case: caseWord(current.type) })),
        };
      }
      return {
        status: "COMPLETED",
        effects: [...settlement(state, state.escrowMinor), notify("SELLER", "ORDER_SETTLED", m("engine.completion.COMPLETE_ORDER.m1", { code: state.code }), m("engine.completion.COMPLETE_ORDER.m3", { escrowMinor: money(state, state.escrowMinor) }))],
        event: event("ORDER_COMPLETED", m("engine.completion.COMPLETE_ORDER.m2", { escrowMinor: money(state, state.escrowMinor) })),
      };
    },
  },
};
