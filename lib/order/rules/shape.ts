/**
 * The shape of a rule: what a transition declares (who, from where, to where, what blocks it, what
 * it does) and what it returns. Every file in rules/ exports a `Rules<...>` record of these.
 */
import type { Message } from "../../i18n/message";
import type { CancelRequestState, CancelRequestStatus } from "../cancel-request";
import type { Command, CommandOf, CommandType, DeadlineSpec, Effect, OrderPatch } from "../commands";
import type { DeadlineKey } from "../deadlines";
import type { DisputeState, DisputeStatus } from "../dispute";
import type { Actor, OrderState, OrderStatus, Role } from "../model";
import type { Policy } from "../policy";
import type { ReasonKind } from "../reasons";
import type { RefundStatus } from "../refund";
import type { CaseStatus, ReturnCaseState } from "../return-case";
import type { OutcomeEvent } from "./events";

export interface Context<C extends Command = Command> {
  state: OrderState;
  command: C;
  actor: Actor;
  now: Date;
  policy: Policy;
}

export type StateContext = Omit<Context, "command">;

/** Why a command is closed. `quiet`: nothing to explain to a person (another action covers it). */
export interface Block {
  reason: Message;
  quiet?: boolean;
}

export type FieldError = { field: string; reason: Message };

export interface Outcome {
  /** The order's next status; omitted when the command leaves it where it is. */
  status?: OrderStatus;
  patch?: Omit<OrderPatch, "status">;
  cancelRequest?: CancelRequestState;
  returnCase?: ReturnCaseState;
  refundUpdate?: { key: string; status: RefundStatus; at: Date };
  dispute?: DisputeState;
  deadlines?: { open?: DeadlineSpec[]; close?: DeadlineKey[] };
  effects?: Effect[];
  event: OutcomeEvent;
}

/**
 * The moves a rule may make in a sub-machine: from these statuses (NONE: it creates the thing) to
 * these; `stays`: statuses in which it changes the thing without moving it (a statement added).
 */
export interface Moves<S extends string> {
  from: readonly (S | "NONE")[];
  to: readonly S[];
  stays?: readonly S[];
}

export interface Transition<C extends Command = Command> {
  roles: readonly Role[];
  from: readonly OrderStatus[];
  /** The statuses this command can move the order to; empty when it never changes the order's status. */
  to: readonly OrderStatus[];
  /** How this command may move the cancel request (NONE: it creates one); checked against its sub-machine. */
  request?: Moves<CancelRequestStatus>;
  /** How this command may move the after-sales case. */
  cases?: Moves<CaseStatus>;
  /** How this command may move an existing refund (creating refunds is declared by the REFUND effect). */
  refunds?: Moves<RefundStatus>;
  /** How this command may move a dispute (or add to one without moving it: `stays`). */
  disputes?: Moves<DisputeStatus>;
  /** The reason list the command takes its `reasonKey` from (forms show these). */
  reasons?: ReasonKind;
  /** For commands a timer sends: the key of the deadline that must be open and due. */
  timer?: (command: C) => DeadlineKey;
  /** Why the command is closed in a status outside `from`. */
  unavailable?: Partial<Record<OrderStatus, Message | Block | ((ctx: StateContext) => Block)>>;
  /** A check on the state; returns why the command is blocked, or null. */
  guard?: (ctx: StateContext) => Block | null;
  /** A check of the command's own fields; returns a field error, or null. */
  validate?: (ctx: Context<C>) => FieldError | null;
  apply: (ctx: Context<C>) => Outcome;
}

export type Rules<T extends CommandType> = { [K in T]: Transition<CommandOf<K>> };

export const quiet = (reason: Message): Block => ({ reason, quiet: true });

/** A timer's command acts on this deadline key. */
export const timerDue = (key: DeadlineKey) => () => key;
