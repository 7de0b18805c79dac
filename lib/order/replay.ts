/**
 * Replaying an order's history through the engine (issue 30): from the order as it was placed, each
 * stored command is decided again, by the same actor at the same moment, and the state after each is
 * kept. `db:check` compares the last with what is stored; the replay page shows every step — the
 * state, the money and the open deadlines after it — to explain a case after the fact.
 */
import type { Command } from "./commands";
import { decide, evolve, placedOrder } from "./machine";
import type { Actor, OrderState } from "./model";
import type { Policy } from "./policy";

export interface HistoryEvent {
  seq: number;
  type: string;
  actor: Actor;
  at: Date;
  /** The event's stored data (JSON with the command that made it); the placement has none. */
  data: string;
}

export interface ReplayStep {
  seq: number;
  /** The command replayed (null for the placement). */
  command: Command | null;
  state: OrderState;
}

/** Every step of the history, the placement first; or where the replay broke and why. */
export function replayHistory(facts: OrderState, events: readonly HistoryEvent[], policy: Policy): { steps: ReplayStep[] } | { error: string; steps: ReplayStep[] } {
  let state = placedOrder(facts, policy);
  const steps: ReplayStep[] = [{ seq: 0, command: null, state }];
  for (const event of events) {
    if (event.seq === 0) continue;
    let command: Command;
    try {
      command = (JSON.parse(event.data) as { command: Command }).command;
    } catch {
      return { error: `event ${event.seq} (${event.type}) has no readable command`, steps };
    }
    if (!command) return { error: `event ${event.seq} (${event.type}) has no command`, steps };
    let decision: ReturnType<typeof decide>;
    try {
      decision = decide(state, command, event.actor, event.at, policy);
    } catch (error) {
      return { error: `event ${event.seq} (${command.type}) broke a rule: ${(error as Error).message}`, steps };
    }
    if (!decision.ok) return { error: `event ${event.seq} (${command.type}) is refused on replay: ${decision.error.reason.key}`, steps };
    state = evolve(state, decision);
    steps.push({ seq: event.seq, command, state });
  }
  return { steps };
}
