/**
 * "Where this order is" (issue 30), from the engine: the state of each of the order's machines, the
 * commands each party could give now, and what the platform's timers will do, and when.
 */
import type { Message } from "@/lib/i18n/message";
import { DEADLINE_COMMANDS, ROLE_LABELS, availableActions, commandLabel, type Actor, type MachineName, type OrderState, type Policy, type Role } from "@/lib/order";
import type { OpenDeadline } from "./open-deadlines";

export interface WhereItIs {
  machines: { name: MachineName; current: string[] }[];
  moves: { role: Role; who: Message; commands: Message[] }[];
  timers: { label: Message; dueAt: Date; command: Message }[];
}

export function whereItIs(state: OrderState, viewer: Actor, deadlines: readonly OpenDeadline[], now: Date, policy: Policy): WhereItIs {
  return {
    machines: [
      { name: "order", current: [state.status] },
      { name: "cancel-request", current: [state.cancelRequest?.status ?? "NONE"] },
      { name: "case", current: [state.returnCase?.status ?? "NONE"] },
      { name: "refund", current: state.refunds.length ? [...new Set(state.refunds.map((refund) => refund.status))] : ["NONE"] },
      { name: "dispute", current: state.disputes.length ? [...new Set(state.disputes.map((dispute) => dispute.status))] : ["NONE"] },
    ],
    // Each party's open commands as the engine offers them (the platform's are its timers, below).
    moves: (["BUYER", "SELLER", "SUPPORT"] as const).map((role) => ({
      role,
      who: ROLE_LABELS[role],
      commands: availableActions(state, { role, id: role === "BUYER" ? state.buyerId : role === viewer.role ? viewer.id : null }, now, policy)
        .filter((action) => action.enabled)
        .map((action) => action.label),
    })),
    timers: deadlines.map((deadline) => ({ label: deadline.label, dueAt: deadline.dueAt, command: commandLabel(DEADLINE_COMMANDS[deadline.kind](deadline.ref).type) })),
  };
}
