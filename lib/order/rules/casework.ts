/**
 * Support's casework (docs/rules.md#disputes): an agent takes a dispute or an appeal so that two
 * agents do not work it at once, may take it over from another agent with a reason, and may ask one
 * party for more information with an answer target. None of it moves the order or the dispute, or
 * any money; it is on the timeline. An appeal is routed only to agents other than the first decider.
 */
import { m, at, type Message } from "../../i18n/message";
import type { Actor } from "../model";
import { ROLE_NOUNS } from "../model";
import { STATEMENT_PARTIES, type DisputeState } from "../dispute";
import { MAX_NOTE, MIN_NOTE } from "../limits";
import { ORDER_STATUSES } from "../model";
import { addDuration } from "../policy";
import { event } from "./events";
import { disputeIn, findDispute } from "./outcomes/dispute";
import { notify } from "./sentences";
import { quiet, type Block, type FieldError, type Rules, type StateContext } from "./shape";
import { visibleLength } from "../../text";

type CaseworkCommand = "TAKE_DISPUTE" | "ASK_FOR_INFORMATION";

export const APPEAL_ROUTING_REASON = m("engine.casework.APPEAL_ROUTING_REASON.m1");
export const HELD_BY_ANOTHER_REASON = m("engine.casework.HELD_BY_ANOTHER_REASON.m1");

/** Deciding or asking on a case another agent has taken is refused: one agent works a case at a time. */
export function heldByAnother(dispute: DisputeState, actor: Actor): FieldError | null {
  return dispute.assignee && dispute.assignee.agentId !== actor.id ? { field: "disputeId", reason: HELD_BY_ANOTHER_REASON } : null;
}

/**
 * A guard: some dispute at one of these steps (of these subjects) this agent may work, i.e. not one
 * another agent has taken; when all are taken, says so.
 */
export const workableDispute =
  (statuses: DisputeState["status"][], subjects?: DisputeState["subject"][]) =>
  ({ state, actor }: StateContext): Block | null => {
    const candidates = state.disputes.filter((d) => statuses.includes(d.status) && (!subjects || subjects.includes(d.subject)));
    if (candidates.length === 0) return quiet(m("engine.casework.workableDispute.m1"));
    return candidates.some((d) => !heldByAnother(d, actor)) ? null : { reason: HELD_BY_ANOTHER_REASON };
  };

function noteCheck(field: string, text: string, what: Message): FieldError | null {
  if (visibleLength(text) < MIN_NOTE) return { field, reason: m("engine.casework.noteCheck.m1", { what, MIN_NOTE }) };
  if (text.length > MAX_NOTE) return { field, reason: m("engine.casework.noteCheck.m2", { MAX_NOTE }) };
  return null;
}

export const CASEWORK_RULES: Rules<CaseworkCommand> = {
  TAKE_DISPUTE: {
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: [], to: [], stays: ["OPEN", "APPEALED"] },
    guard: (ctx) => {
      const waiting = ctx.state.disputes.filter((d) => d.status === "OPEN" || d.status === "APPEALED");
      if (waiting.length === 0) return quiet(m("engine.casework.TAKE_DISPUTE.m1"));
      const takeable = waiting.filter((d) => d.assignee?.agentId !== ctx.actor.id);
      if (takeable.length === 0) return quiet(m("engine.casework.TAKE_DISPUTE.m2"));
      return takeable.some((d) => !(d.status === "APPEALED" && d.decision?.agentId === ctx.actor.id)) ? null : { reason: APPEAL_ROUTING_REASON };
    },
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "OPEN", "APPEALED");
      if (wrong) return wrong;
      const dispute = findDispute(ctx.state, ctx.command.disputeId)!;
      if (dispute.status === "APPEALED" && dispute.decision?.agentId === ctx.actor.id) return { field: "disputeId", reason: APPEAL_ROUTING_REASON };
      if (dispute.assignee?.agentId === ctx.actor.id) return { field: "disputeId", reason: m("engine.casework.TAKE_DISPUTE.m3") };
      return dispute.assignee ? noteCheck("reason", ctx.command.reason, m("engine.casework.TAKE_DISPUTE.sayWhy")) : null;
    },
    apply: ({ state, command, actor, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const from = dispute.assignee?.agentId ?? null;
      const what = dispute.status === "APPEALED" ? m("engine.casework.TAKE_DISPUTE.m4") : m("engine.casework.TAKE_DISPUTE.thisDispute");
      return {
        dispute: { ...dispute, assignee: { agentId: String(actor.id), at: now } },
        event: event(
          "DISPUTE_TAKEN",
          from ? m("engine.casework.TAKE_DISPUTE.m5", { what, reason: command.reason }) : m("engine.casework.TAKE_DISPUTE.took", { what }),
          { disputeId: dispute.id, fromAgentId: from },
        ),
      };
    },
  },

  ASK_FOR_INFORMATION: {
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: [], to: [], stays: ["OPEN"] },
    guard: workableDispute(["OPEN"]),
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "OPEN");
      if (wrong) return wrong;
      const held = heldByAnother(findDispute(ctx.state, ctx.command.disputeId)!, ctx.actor);
      if (held) return held;
      if (!(STATEMENT_PARTIES as readonly string[]).includes(ctx.command.party)) return { field: "party", reason: m("engine.casework.ASK_FOR_INFORMATION.m1") };
      return noteCheck("question", ctx.command.question, m("engine.casework.ASK_FOR_INFORMATION.askInSentence"));
    },
    apply: ({ state, command, now, policy }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const answerBy = addDuration(now, policy.infoAnswer, policy);
      const who = ROLE_NOUNS[command.party];
      return {
        dispute: { ...dispute, infoRequest: { party: command.party, question: command.question, at: now, answerBy, answeredAt: null } },
        effects: [
          notify(
            command.party,
            "INFORMATION_REQUESTED",
            m("engine.casework.ASK_FOR_INFORMATION.notifyTitle", { code: state.code }),
            m("engine.casework.ASK_FOR_INFORMATION.notifyBody", { question: command.question, answerBy: at(answerBy) }),
          ),
        ],
        event: event("INFORMATION_REQUESTED", m("engine.casework.ASK_FOR_INFORMATION.m2", { who, question: command.question }), { disputeId: dispute.id, party: command.party }),
      };
    },
  },
};
