/**
 * How far a scenario run has come, from its order's events (pure): which steps are done and when, in
 * real time. Events carry the world's time, which jumps when someone moves the clock; a trainer asks
 * how long people took, so each event's real time is its world time less the jumps made before it
 * (the clock only moves forward, so a jump whose end is at or before the event was made before it).
 */
import type { Scenario } from "./scenarios";

export interface RunEvent {
  /** The command the event records ("" when none). */
  command: string;
  /** The world's time of the event. */
  at: Date;
}

export interface ClockMove {
  fromAt: Date;
  toAt: Date;
}

export interface StepProgress {
  done: boolean;
  /** Real time the step was done. */
  doneAt: Date | null;
  /** Real milliseconds since the step before it was done (or since the run started). */
  tookMs: number | null;
}

export interface RunProgress {
  steps: StepProgress[];
  /** The first step not done yet (null: the scenario is complete). */
  next: number | null;
  doneCount: number;
  finishedAt: Date | null;
}

/** The real time of a moment on a world's clock, given the world's clock moves. */
export function realTimeOf(at: Date, moves: readonly ClockMove[]): Date {
  let ahead = 0;
  for (const move of moves) if (move.toAt.getTime() <= at.getTime()) ahead += move.toAt.getTime() - move.fromAt.getTime();
  return new Date(at.getTime() - ahead);
}

/** Each step done when an event records its command after the steps before it (lib/scenarios/scenarios.ts checklist), with its real time. */
export function runProgress(scenario: Scenario, events: readonly RunEvent[], startedAt: Date, moves: readonly ClockMove[]): RunProgress {
  const steps: StepProgress[] = [];
  let from = 0;
  let previous = startedAt;
  for (const step of scenario.steps) {
    const index = events.findIndex((event, i) => i >= from && event.command === step.command);
    if (index < 0) {
      from = events.length;
      steps.push({ done: false, doneAt: null, tookMs: null });
      continue;
    }
    from = index + 1;
    const doneAt = realTimeOf(events[index]!.at, moves);
    steps.push({ done: true, doneAt, tookMs: Math.max(0, doneAt.getTime() - previous.getTime()) });
    previous = doneAt;
  }
  const next = steps.findIndex((step) => !step.done);
  const doneCount = steps.filter((step) => step.done).length;
  return { steps, next: next >= 0 ? next : null, doneCount, finishedAt: next >= 0 ? null : (steps.at(-1)?.doneAt ?? null) };
}
