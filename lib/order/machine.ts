/**
 * The decision function and its readers. `decide` is the only way the order moves; `availableActions`
 * asks the same rules what a person may do and why not; `checkTransitionGraph` proves the table is sound.
 * Pure: no I/O, no clock (time comes in as `now`), no knowledge of the database.
 */
import { isMessage, m, type Message } from "../i18n/message";
import { commandLabel, onlyRoles } from "./command-words";

export { commandLabel };
import { CANCEL_REQUEST_TRANSITIONS } from "./cancel-request";
import type { Command, CommandType, Decision, DeadlineSpec, Refusal, RefusalCode } from "./commands";
import { COMMAND_TYPES, accounts } from "./commands";
import { DEADLINE_KINDS, DEADLINE_LABELS, DEADLINE_SCOPES, deadlineKey, parseDeadlineKey, type DeadlineKey, type DeadlineKind } from "./deadlines";
import { DISPUTE_TRANSITIONS } from "./dispute";
import { FINAL_STATUSES, ORDER_STATUSES, STATUS_LABELS, type Actor, type OrderState, type OrderStatus } from "./model";
import { addDuration, subtractHours, type Policy } from "./policy";
import { REFUND_TRANSITIONS, type RefundState } from "./refund";
import { CASE_TRANSITIONS, FINAL_CASE_STATUSES } from "./return-case";
import { DEADLINE_COMMANDS, REMINDERS, TRANSITIONS, type Block, type Context, type Moves, type StateContext, type Transition, type TransitionTable } from "./transitions";
import { commandShapeProblem } from "./command-shape";

function refuse(code: RefusalCode, reason: Message, field?: string): Refusal {
  return { ok: false, error: field ? { code, reason, field } : { code, reason } };
}

function ruleFor(type: CommandType, rules: TransitionTable = TRANSITIONS): Transition {
  return rules[type] as unknown as Transition;
}

/** Why a command is closed in the current state (command fields aside), or null when it is open. */
function blockedBecause(rule: Transition, ctx: StateContext, command?: Command): Block | null {
  const { state, now } = ctx;
  if (!rule.from.includes(state.status)) {
    const explain = rule.unavailable?.[state.status];
    if (typeof explain === "function") return explain(ctx);
    if (isMessage(explain)) return { reason: explain };
    return explain ?? { reason: m("engine.machine.notWhileStatus", { status: STATUS_LABELS[state.status] }), quiet: true };
  }
  const blocked = rule.guard?.(ctx) ?? null;
  if (blocked) return blocked;
  if (rule.timer && command) {
    const key = rule.timer(command);
    const dueAt = state.deadlines[key];
    const parsed = parseDeadlineKey(key);
    const name = parsed ? DEADLINE_LABELS[parsed.kind] : m("engine.verbatim", { text: key });
    if (!dueAt) return { reason: m("engine.machine.noOpenDeadline", { deadline: name }), quiet: true };
    if (now.getTime() < dueAt.getTime()) return { reason: m("engine.machine.deadlineNotDue", { deadline: name }), quiet: true };
  }
  return null;
}

const reminderOf = (kind: DeadlineKind) => `${kind}_REMINDER` as DeadlineKind;

/**
 * The deadlines a decision opens and closes, completed by the rules that hold for all of them:
 * a reminder opens 2 hours before its deadline (if that is still ahead) and closes with it; an order
 * that reaches a final status closes every open ORDER deadline (its sub-machines' deadlines go on).
 */
function settleDeadlines(state: OrderState, to: OrderStatus, open: DeadlineSpec[], close: DeadlineKey[], now: Date, policy: Policy) {
  const final = FINAL_STATUSES.includes(to);
  const opened = final ? open.filter((d) => DEADLINE_SCOPES[d.kind] !== "ORDER") : [...open];
  for (const deadline of opened.slice()) {
    const reminder = reminderOf(deadline.kind);
    if (!REMINDERS[reminder]) continue;
    const dueAt = subtractHours(deadline.dueAt, policy.reminderLead);
    if (dueAt.getTime() > now.getTime()) opened.push({ kind: reminder, dueAt, ...(deadline.ref ? { ref: deadline.ref } : {}) });
  }
  const closing = new Set<DeadlineKey>();
  for (const key of close) {
    closing.add(key);
    const parsed = parseDeadlineKey(key);
    if (parsed && REMINDERS[reminderOf(parsed.kind)]) closing.add(deadlineKey(reminderOf(parsed.kind), parsed.ref));
  }
  if (final) {
    for (const key of Object.keys(state.deadlines)) {
      const parsed = parseDeadlineKey(key);
      if (parsed && DEADLINE_SCOPES[parsed.kind] === "ORDER") closing.add(key);
    }
  }
  const openedKeys = new Set(opened.map((d) => deadlineKey(d.kind, d.ref)));
  // Only what is open can be closed, and a deadline reopened by this decision stays open.
  const closed = [...closing].filter((key) => key in state.deadlines && !openedKeys.has(key)).sort();
  return { open: opened, close: closed };
}

/** A sub-machine move must be in the machine's table and declared by the rule; staying put (adding to it) must be declared in `stays`. */
function checkMove<S extends string>(
  type: CommandType,
  what: string,
  table: Record<string, readonly S[]>,
  declared: Moves<S> | undefined,
  previous: S | null,
  next: S,
): void {
  const from = previous ?? "NONE";
  const allowed = previous === next ? declared?.stays?.includes(next) : table[from]?.includes(next) && declared?.from.includes(from) && declared.to.includes(next);
  if (!allowed) throw new Error(`${type} moved a ${what} from ${from} to ${next}, which the rules do not allow`);
}

/** A rule may only move its sub-machines along their own tables, and never refund the same cause twice. */
function checkSubMachines(rule: Transition, type: CommandType, state: OrderState, outcome: ReturnType<Transition["apply"]>): void {
  if (outcome.cancelRequest) checkMove(type, "cancel request", CANCEL_REQUEST_TRANSITIONS, rule.request, state.cancelRequest?.status ?? null, outcome.cancelRequest.status);
  if (outcome.returnCase) {
    const previous = outcome.returnCase.id === state.returnCase?.id ? state.returnCase.status : null;
    if (previous === null && state.returnCase && !FINAL_CASE_STATUSES.includes(state.returnCase.status)) throw new Error(`${type} opened a case while another is open`);
    checkMove(type, "case", CASE_TRANSITIONS, rule.cases, previous, outcome.returnCase.status);
  }
  if (outcome.dispute) {
    const previous = state.disputes.find((dispute) => dispute.id === outcome.dispute!.id)?.status ?? null;
    checkMove(type, "dispute", DISPUTE_TRANSITIONS, rule.disputes, previous, outcome.dispute.status);
  }
  if (outcome.refundUpdate) {
    const previous = state.refunds.find((refund) => refund.key === outcome.refundUpdate!.key)?.status;
    if (!previous) throw new Error(`${type} moved a refund that does not exist`);
    checkMove(type, "refund", REFUND_TRANSITIONS, rule.refunds, previous, outcome.refundUpdate.status);
  }
  for (const effect of outcome.effects ?? []) {
    if (effect.type === "REFUND" && state.refunds.some((refund) => refund.key === effect.idempotencyKey)) throw new Error(`${type} would refund ${effect.idempotencyKey} twice`);
  }
}

/**
 * The one decision function: given an order, a command, who sends it and when, under which policy,
 * it returns the next state, the deadlines to open and close, and the effects to carry out; or a
 * refusal with a code and a sentence a person can read. (`rules` is the table; tests pass a broken
 * one to prove that the guardrails below stop a rule that oversteps.)
 */
export function decide(state: OrderState, command: Command, actor: Actor, now: Date, policy: Policy, rules: TransitionTable = TRANSITIONS): Decision | Refusal {
  const rule = ruleFor(command.type, rules) as Transition | undefined;
  if (!rule) return refuse("VALIDATION", m("engine.machine.noSuchAction"), "type");
  if (!rule.roles.includes(actor.role)) return refuse("FORBIDDEN", onlyRoles(rule.roles));
  // The rules read the fields as the command's type says they are: a command shaped otherwise stops here.
  const shape = commandShapeProblem(command);
  if (shape) return refuse("VALIDATION", shape.reason, shape.field);
  const ctx: Context = { state, command, actor, now, policy };
  const blocked = blockedBecause(rule, ctx, command);
  if (blocked) return refuse("INVALID_TRANSITION", blocked.reason);
  const invalid = rule.validate?.(ctx);
  if (invalid) return refuse("VALIDATION", invalid.reason, invalid.field);

  const outcome = rule.apply(ctx);
  const to = outcome.status ?? state.status;
  if (to !== state.status && !rule.to.includes(to)) throw new Error(`${command.type} moved the order to ${to}, which its rule does not list`);
  if (FINAL_STATUSES.includes(state.status) && to !== state.status) throw new Error(`${command.type} tried to move a ${state.status} order`);
  checkSubMachines(rule, command.type, state, outcome);
  return {
    ok: true,
    command: command.type,
    from: state.status,
    to,
    patch: { status: to, ...outcome.patch },
    ...(outcome.cancelRequest ? { cancelRequest: outcome.cancelRequest } : {}),
    ...(outcome.returnCase ? { returnCase: outcome.returnCase } : {}),
    ...(outcome.refundUpdate ? { refundUpdate: outcome.refundUpdate } : {}),
    ...(outcome.dispute ? { dispute: outcome.dispute } : {}),
    // A timer's command uses up the deadline that fired it.
    deadlines: settleDeadlines(state, to, outcome.deadlines?.open ?? [], [...(outcome.deadlines?.close ?? []), ...(rule.timer ? [rule.timer(command)] : [])], now, policy),
    effects: outcome.effects ?? [],
    event: { type: outcome.event.type, summary: outcome.event.summary, data: outcome.event.data ?? {} },
  };
}

export interface AvailableAction {
  command: CommandType;
  label: Message;
  enabled: boolean;
  /** When disabled: a plain sentence saying why, and what to do instead. */
  reason?: Message;
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
      ? [{ command: type, label: commandLabel(type), enabled: false, reason: blocked.reason, relevant: !blocked.quiet }]
      : [{ command: type, label: commandLabel(type), enabled: true, relevant: true }];
  });
}

/** What an order is when placed: who, where, what it costs and how it will be paid. */
export type PlacedOrderFacts = Pick<
  OrderState,
  "id" | "code" | "buyerId" | "shopId" | "policyProfile" | "autoApproveWindow" | "currency" | "itemsMinor" | "shippingFeeMinor" | "totalMinor" | "paymentMethod" | "placedAt"
> & { changeOfMindFeeMinor?: number; autoRefundUpToMinor?: number };

/** A newly placed order: UNPAID, nothing paid or held, its placement deadlines open. */
export function placedOrder(facts: PlacedOrderFacts, policy: Policy): OrderState {
  const deadlines: OrderState["deadlines"] = {};
  for (const deadline of placementDeadlines(facts.placedAt, policy)) deadlines[deadlineKey(deadline.kind, deadline.ref)] = deadline.dueAt;
  const { id, code, buyerId, shopId, policyProfile, autoApproveWindow, currency, itemsMinor, shippingFeeMinor, totalMinor, paymentMethod, placedAt } = facts;
  return {
    ...{ id, code, buyerId, shopId, policyProfile, autoApproveWindow, currency, itemsMinor, shippingFeeMinor, totalMinor, paymentMethod, placedAt },
    changeOfMindFeeMinor: facts.changeOfMindFeeMinor ?? 0,
    autoRefundUpToMinor: facts.autoRefundUpToMinor ?? 0,
    status: "UNPAID",
    paidAt: null,
    remorseEndsAt: null,
    awaitingShipmentAt: null,
    dispatchDueAt: null,
    arrangedAt: null,
    pickedUpAt: null,
    lateDispatch: false,
    cancelRequest: null,
    deliveredAt: null,
    returnWindowEndsAt: null,
    returnCase: null,
    caseCount: 0,
    refunds: [],
    disputes: [],
    escrowMinor: 0,
    deadlines,
  };
}

/** The deadlines a newly placed (unpaid) order starts with. */
export function placementDeadlines(placedAt: Date, policy: Policy, state?: OrderState): DeadlineSpec[] {
  const open: DeadlineSpec[] = [{ kind: "PAYMENT", dueAt: addDuration(placedAt, policy.paymentWindow, policy) }];
  return settleDeadlines(state ?? ({ deadlines: {} } as OrderState), "UNPAID", open, [], placedAt, policy).open;
}

/**
 * Checks the table's graph: known statuses only; nothing leaves a final status; every deadline has
 * a system command that a timer can send; every non-final status has a way out. Returns the problems.
 */
export function checkTransitionGraph(
  table: Record<string, { from: readonly string[]; to: readonly string[]; roles: readonly string[] }> = TRANSITIONS,
  deadlineCommands: Partial<Record<string, (ref?: string) => Command>> = DEADLINE_COMMANDS,
): string[] {
  const problems: string[] = [];
  const known = new Set<string>(ORDER_STATUSES);
  for (const [type, rule] of Object.entries(table)) {
    for (const status of [...rule.from, ...rule.to]) if (!known.has(status)) problems.push(`${type}: unknown status ${status}`);
    // Sub-machine commands may act on a final order (empty `to`, or a `to` that lists the final status
    // itself: it stays there); nothing may move a final order (decide also throws at run time).
    if (rule.to.length > 0) {
      for (const status of rule.from) if ((FINAL_STATUSES as readonly string[]).includes(status) && !rule.to.includes(status)) problems.push(`${type}: leaves final status ${status}`);
    }
  }
  for (const kind of DEADLINE_KINDS) {
    const command = deadlineCommands[kind]?.("ref");
    if (!command) problems.push(`deadline ${kind} has no system command`);
    else if (!table[command.type]?.roles.includes("SYSTEM")) problems.push(`deadline ${kind}: ${command.type} is not a system command`);
  }
  return problems;
}

/** The system command that acts on an open deadline, by its key. */
export function commandForDeadline(key: DeadlineKey): Command | null {
  const parsed = parseDeadlineKey(key);
  return parsed ? DEADLINE_COMMANDS[parsed.kind](parsed.ref) : null;
}

/** The order as it is after a decision: the same state the store holds once the decision is applied. For replays and tests. */
export function evolve(state: OrderState, decision: Decision): OrderState {
  const { status, cancellation: _cancellation, ...fields } = decision.patch;
  const closed = new Set(decision.deadlines.close);
  const deadlines: Partial<Record<DeadlineKey, Date>> = {};
  for (const [key, dueAt] of Object.entries(state.deadlines)) if (dueAt && !closed.has(key)) deadlines[key] = dueAt;
  for (const deadline of decision.deadlines.open) deadlines[deadlineKey(deadline.kind, deadline.ref)] = deadline.dueAt;
  const newCase = decision.returnCase && decision.returnCase.id !== state.returnCase?.id;
  const update = decision.refundUpdate;
  const refunds: RefundState[] = state.refunds.map((refund) => (update && refund.key === update.key ? { ...refund, status: update.status } : refund));
  let escrowMinor = state.escrowMinor;
  for (const effect of decision.effects) {
    if (effect.type === "REFUND") {
      refunds.push({ key: effect.idempotencyKey, totalMinor: effect.totalMinor, destination: effect.destination, status: effect.arrived ? "ARRIVED" : "PENDING", expectedArrivalAt: effect.expectedArrivalAt });
    }
    if (effect.type === "LEDGER") for (const posting of effect.postings) if (posting.account === accounts.escrow) escrowMinor += posting.amountMinor;
  }
  return {
    ...state,
    ...fields,
    status,
    cancelRequest: decision.cancelRequest ?? state.cancelRequest,
    returnCase: decision.returnCase ?? state.returnCase,
    caseCount: newCase ? state.caseCount + 1 : state.caseCount,
    refunds,
    disputes: decision.dispute
      ? state.disputes.some((dispute) => dispute.id === decision.dispute!.id)
        ? state.disputes.map((dispute) => (dispute.id === decision.dispute!.id ? decision.dispute! : dispute))
        : [...state.disputes, decision.dispute]
      : state.disputes,
    escrowMinor,
    deadlines,
  };
}
