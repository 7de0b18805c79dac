/**
 * Support's casework (docs/rules.md#disputes): an agent takes a dispute or an appeal so that two
 * agents do not work it at once, may take it over from another agent with a reason, and may ask one
 * party for more information with an answer target. None of it moves the order or the dispute, or
 * any money; it is on the timeline. An appeal is routed only to agents other than the first decider.
 */
import { formatDateTime } from "../../format";
import type { Actor } from "../model";
import { INFO_PARTY_CHOICES, STATEMENT_PARTIES, type DisputeState } from "../dispute";
import { MAX_NOTE, MIN_NOTE } from "../limits";
import { ORDER_STATUSES } from "../model";
import { addDuration } from "../policy";
import { event } from "./events";
import { disputeIn, findDispute } from "./outcomes/dispute";
import { notify } from "./sentences";
import { quiet, type Block, type FieldError, type Rules, type StateContext } from "./shape";
import { visibleLength } from "../../text";

type CaseworkCommand = "TAKE_DISPUTE" | "ASK_FOR_INFORMATION";

export const APPEAL_ROUTING_REASON = "A different agent must decide this appeal: you made the original decision.";
export const HELD_BY_ANOTHER_REASON = "Another agent has taken this case. Take it over first (with a reason), or leave it to them.";

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
    if (candidates.length === 0) return quiet("There is no dispute at this step.");
    return candidates.some((d) => !heldByAnother(d, actor)) ? null : { reason: HELD_BY_ANOTHER_REASON };
  };

function noteCheck(field: string, text: string, what: string): FieldError | null {
  if (visibleLength(text) < MIN_NOTE) return { field, reason: `${what} (at least ${MIN_NOTE} characters).` };
  if (text.length > MAX_NOTE) return { field, reason: `Keep it under ${MAX_NOTE} characters.` };
  return null;
}

export const CASEWORK_RULES: Rules<CaseworkCommand> = {
  TAKE_DISPUTE: {
    label: "Take this case",
    roles: ["SUPPORT"],
    from: ORDER_STATUSES,
    to: [],
    disputes: { from: [], to: [], stays: ["OPEN", "APPEALED"] },
    guard: (ctx) => {
      const waiting = ctx.state.disputes.filter((d) => d.status === "OPEN" || d.status === "APPEALED");
      if (waiting.length === 0) return quiet("There is no dispute waiting for support.");
      const takeable = waiting.filter((d) => d.assignee?.agentId !== ctx.actor.id);
      if (takeable.length === 0) return quiet("You have this case.");
      return takeable.some((d) => !(d.status === "APPEALED" && d.decision?.agentId === ctx.actor.id)) ? null : { reason: APPEAL_ROUTING_REASON };
    },
    validate: (ctx) => {
      const wrong = disputeIn(ctx, "OPEN", "APPEALED");
      if (wrong) return wrong;
      const dispute = findDispute(ctx.state, ctx.command.disputeId)!;
      if (dispute.status === "APPEALED" && dispute.decision?.agentId === ctx.actor.id) return { field: "disputeId", reason: APPEAL_ROUTING_REASON };
      if (dispute.assignee?.agentId === ctx.actor.id) return { field: "disputeId", reason: "You already have this case." };
      return dispute.assignee ? noteCheck("reason", ctx.command.reason, "Say why you are taking this case over; it goes on the timeline") : null;
    },
    apply: ({ state, command, actor, now }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const from = dispute.assignee?.agentId ?? null;
      const what = dispute.status === "APPEALED" ? "the seller's appeal" : "this dispute";
      return {
        dispute: { ...dispute, assignee: { agentId: String(actor.id), at: now } },
        event: event(
          "DISPUTE_TAKEN",
          from ? `A platform support agent took ${what} over from another agent: "${command.reason}"` : `A platform support agent took ${what}.`,
          { disputeId: dispute.id, fromAgentId: from },
        ),
      };
    },
  },

  ASK_FOR_INFORMATION: {
    label: "Ask a party for more information",
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
      if (!(STATEMENT_PARTIES as readonly string[]).includes(ctx.command.party)) return { field: "party", reason: "Choose who you are asking: the buyer or the seller." };
      return noteCheck("question", ctx.command.question, "Ask your question in a sentence");
    },
    apply: ({ state, command, now, policy }) => {
      const dispute = findDispute(state, command.disputeId)!;
      const answerBy = addDuration(now, policy.infoAnswer, policy);
      const who = INFO_PARTY_CHOICES[command.party].toLowerCase();
      return {
        dispute: { ...dispute, infoRequest: { party: command.party, question: command.question, at: now, answerBy, answeredAt: null } },
        effects: [
          notify(
            command.party,
            "INFORMATION_REQUESTED",
            `Platform support asks you about the dispute on order ${state.code}`,
            `"${command.question}" Please answer with a statement on the dispute by ${formatDateTime(answerBy)}.`,
          ),
        ],
        event: event("INFORMATION_REQUESTED", `Platform support asked ${who} for more information: "${command.question}"`, { disputeId: dispute.id, party: command.party }),
      };
    },
  },
};
