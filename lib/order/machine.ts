/**
 * The decision function and its readers. `decide` is the only way the order moves; `availableActions`
 * asks the same rules what a person may do and why not; `checkTransitionGraph` proves the table is sound.
 * Pure: no I/O, no clock (time comes in as `now`), no knowledge of the database.
 */
import { isCancelRequestMove } from "./cancel-request";
import type { Command, CommandType, Decision, DeadlineSpec, Refusal, RefusalCode } from "./commands";
import { COMMAND_TYPES } from "./commands";
import { DEADLINE_KINDS, FINAL_STATUSES, ORDER_STATUSES, ROLE_LABELS, type Actor, type DeadlineKind, type OrderState, type OrderStatus, type Role } from "./model";
import { addDuration, subtractHours, type Policy } from "./policy";
import { DEADLINE_COMMANDS, REMINDERS, TRANSITIONS, type Block, type Context, type StateContext, type Transition } from "./transitions";

function refuse(code: RefusalCode, reason: string, field?: string): Refusal {
  return { ok: false, error: field ? { code, reason, field } : { code, reason } };
}

function whoMay(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role].toLowerCase()).join(" or ");
}

function ruleFor(type: CommandType): Transition {
  return TRANSITIONS[type] as unknown as Transition;
}

function statusText(status: OrderStatus): string {
  return status.toLowerCase().replace(/_/g, " ");
}

/** Why a command is closed in the current state (command fields aside), or null when it is open. */
function blockedBecause(rule: Transition, ctx: StateContext, command?: Command): Block | null {
  const { state, now } = ctx;
  if (!rule.from.includes(state.status)) {
    const explain = rule.unavailable?.[state.status];
    if (typeof explain === "function") return explain(ctx);
    if (typeof explain === "string") return { reason: explain };
    return explain ?? { reason: `This is not possible while the order is ${statusText(state.status)}.`, quiet: true };
  }
  const blocked = rule.guard?.(ctx) ?? null;
  if (blocked) return blocked;
  if (rule.timer && command) {
    const kind = rule.timer(command);
    const dueAt = state.deadlines[kind];
    if (!dueAt) return { reason: `There is no open ${kind.toLowerCase().replace(/_/g, " ")} deadline.`, quiet: true };
    if (now.getTime() < dueAt.getTime()) return { reason: `The ${kind.toLowerCase().replace(/_/g, " ")} deadline is not due yet.`, quiet: true };
  }
  return null;
}

/** Reminder deadlines follow their deadline: opened 2 hours before it (if that is still ahead), closed with it. */
function withReminders(open: DeadlineSpec[], close: DeadlineKind[] | "ALL", now: Date, policy: Policy) {
  const reminderOf = (kind: DeadlineKind) => `${kind}_REMINDER` as DeadlineKind;
  const openWithReminders = [...open];
  for (const deadline of open) {
    const reminder = reminderOf(deadline.kind);
    if (!REMINDERS[reminder]) continue;
    const dueAt = subtractHours(deadline.dueAt, policy.reminderLead);
    if (dueAt.getTime() > now.getTime()) openWithReminders.push({ kind: reminder, dueAt });
  }
  const closeWithReminders = close === "ALL" ? close : [...new Set(close.flatMap((kind) => (REMINDERS[reminderOf(kind)] ? [kind, reminderOf(kind)] : [kind])))];
  return { open: openWithReminders, close: closeWithReminders };
}

/**
 * The one decision function: given an order, a command, who sends it and when, under which policy,
 * it returns the next state, the deadlines to open and close, and the effects to carry out; or a
 * refusal with a code and a sentence a person can read.
 */
export function decide(state: OrderState, command: Command, actor: Actor, now: Date, policy: Policy): Decision | Refusal {
  const rule = ruleFor(command.type);
  if (!rule.roles.includes(actor.role)) return refuse("FORBIDDEN", `Only the ${whoMay(rule.roles)} can do this.`);
  const ctx: Context = { state, command, actor, now, policy };
  const blocked = blockedBecause(rule, ctx, command);
  if (blocked) return refuse("INVALID_TRANSITION", blocked.reason);
  const invalid = rule.validate?.(ctx);
  if (invalid) return refuse("VALIDATION", invalid.reason, invalid.field);

  const outcome = rule.apply(ctx);
  const to = outcome.status ?? state.status;
  if (to !== state.status && !rule.to.includes(to)) throw new Error(`${command.type} moved the order to ${to}, which its rule does not list`);
  if (outcome.cancelRequest) {
    const next = outcome.cancelRequest.status;
    if (!isCancelRequestMove(state.cancelRequest?.status ?? null, next) || !rule.request?.includes(next)) {
      throw new Error(`${command.type} moved the cancel request from ${state.cancelRequest?.status ?? "NONE"} to ${next}, which the rules do not allow`);
    }
  }
  const final = FINAL_STATUSES.includes(to);
  // A final order has nothing left to wait for.
  const deadlines = final ? { open: [], close: "ALL" as const } : withReminders(outcome.deadlines?.open ?? [], outcome.deadlines?.close ?? [], now, policy);
  return {
    ok: true,
    command: command.type,
    from: state.status,
    to,
    patch: { status: to, ...outcome.patch },
    ...(outcome.cancelRequest ? { cancelRequest: outcome.cancelRequest } : {}),
    deadlines,
    effects: outcome.effects ?? [],
    event: { type: outcome.event.type, summary: outcome.event.summary, data: outcome.event.data ?? {} },
  };
}

export interface AvailableAction {
  command: CommandType;
  label: string;
  enabled: boolean;
  /** When disabled: a plain sentence saying why, and what to do instead. */
  reason?: string;
  /**
   * Whether a person would look for this action now: it is open, or there is something to explain
   * (cancel after shipping). "Pay" on a paid order, or "approve" with no request, is not relevant.
   */
  relevant: boolean;
}

/** Every command this actor could send (system commands only to the system), open or not, with the reason when not. */
export function availableActions(state: OrderState, actor: Actor, now: Date, policy: Policy): AvailableAction[] {
  const ctx: StateContext = { state, actor, now, policy };
  return COMMAND_TYPES.flatMap((type): AvailableAction[] => {
    const rule = ruleFor(type);
    if (!rule.roles.includes(actor.role)) return [];
    const blocked = blockedBecause(rule, ctx);
    return blocked
      ? [{ command: type, label: rule.label, enabled: false, reason: blocked.reason, relevant: !blocked.quiet }]
      : [{ command: type, label: rule.label, enabled: true, relevant: true }];
  });
}

/** The deadlines a newly placed (unpaid) order starts with. */
export function placementDeadlines(placedAt: Date, policy: Policy): DeadlineSpec[] {
  return withReminders([{ kind: "PAYMENT", dueAt: addDuration(placedAt, policy.paymentWindow, policy) }], [], placedAt, policy).open;
}

/**
 * Checks the table's graph: known statuses only; nothing leaves a final status; every deadline has
 * a system command that a timer can send; every non-final status has a way out. Returns the problems.
 */
export function checkTransitionGraph(
  table: Record<string, { from: readonly string[]; to: readonly string[]; roles: readonly string[] }> = TRANSITIONS,
  deadlineCommands: Record<string, Command> = DEADLINE_COMMANDS,
): string[] {
  const problems: string[] = [];
  const known = new Set<string>(ORDER_STATUSES);
  for (const [type, rule] of Object.entries(table)) {
    for (const status of [...rule.from, ...rule.to]) if (!known.has(status)) problems.push(`${type}: unknown status ${status}`);
    for (const status of rule.from) if ((FINAL_STATUSES as readonly string[]).includes(status)) problems.push(`${type}: leaves final status ${status}`);
  }
  for (const kind of DEADLINE_KINDS) {
    const command = deadlineCommands[kind];
    if (!command) problems.push(`deadline ${kind} has no system command`);
    else if (!table[command.type]?.roles.includes("SYSTEM")) problems.push(`deadline ${kind}: ${command.type} is not a system command`);
  }
  return problems;
}

/** The order as it is after a decision: the same state the store holds once the decision is applied. For replays and tests. */
export function evolve(state: OrderState, decision: Decision): OrderState {
  const { status, cancellation: _cancellation, ...fields } = decision.patch;
  const deadlines: Partial<Record<DeadlineKind, Date>> = {};
  if (decision.deadlines.close !== "ALL") {
    const closed = new Set<DeadlineKind>(decision.deadlines.close);
    for (const [kind, dueAt] of Object.entries(state.deadlines) as [DeadlineKind, Date][]) if (!closed.has(kind)) deadlines[kind] = dueAt;
  }
  for (const deadline of decision.deadlines.open) deadlines[deadline.kind] = deadline.dueAt;
  return { ...state, ...fields, status, cancelRequest: decision.cancelRequest ?? state.cancelRequest, deadlines };
}
