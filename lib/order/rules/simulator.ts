/** The simulator's own command: the carrier or the payment network is early (a developer control, never a person's deadline). */
import { m } from "../../i18n/message";
import { DEADLINE_LABELS, SIMULATED_DEADLINES, parseDeadlineKey } from "../deadlines";
import { ORDER_STATUSES } from "../model";
import { event } from "./events";
import type { Rules } from "./shape";

export const SIMULATOR_RULES: Rules<"HURRY_SIMULATION"> = {
  HURRY_SIMULATION: {
    roles: ["SYSTEM"],
    from: ORDER_STATUSES,
    to: [],
    validate: ({ state, command }) => {
      const parsed = parseDeadlineKey(command.deadline);
      if (!parsed || !SIMULATED_DEADLINES.includes(parsed.kind)) return { field: "deadline", reason: m("engine.simulator.HURRY_SIMULATION.m1") };
      return state.deadlines[command.deadline] ? null : { field: "deadline", reason: m("engine.simulator.HURRY_SIMULATION.m2") };
    },
    apply: ({ command, now }) => {
      const parsed = parseDeadlineKey(command.deadline)!;
      return {
        // Reopened at this moment: the timer acts on it at once, as if the carrier or the network were early.
        deadlines: { open: [{ kind: parsed.kind, dueAt: now, ...(parsed.ref ? { ref: parsed.ref } : {}) }] },
        event: event("SIMULATION_HURRIED", m("engine.simulator.HURRY_SIMULATION.m3", { deadline: DEADLINE_LABELS[parsed.kind] }), { deadline: command.deadline }),
      };
    },
  },
};
