import "server-only";
/**
 * An order's history replayed step by step (issue 30): the engine decides each stored command again
 * (`replayHistory`), and after each step the page shows the order's state, its requests, refunds and
 * disputes, the money in escrow and refunded, and the deadlines then open. Only someone who may see
 * the order may replay it (the same scope as the order page).
 */
import { m, type Message } from "@/lib/i18n/message";
import { DISPUTE_SUBJECT_LABELS, ROLE_LABELS, commandLabel, machineStatusLabel, policyFor, replayHistory, type Role } from "@/lib/order";
import { openDeadlines } from "./open-deadlines";
import { orderScope, type SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import { dateOf } from "../sqlite/sql-tx";
import { loadOrder } from "./load-order";
import { toOrderState } from "./order-state";
import { storedSummary } from "./stored-message";

export interface ReplayStepView {
  seq: number;
  at: Date;
  actor: Message;
  summary: Message;
  /** The command the step replayed (none for the placement). */
  command: Message | null;
  facts: { label: Message; value: Message }[];
  currency: string;
  paidMinor: number;
  escrowMinor: number;
  refundedMinor: number;
  deadlines: { label: Message; dueAt: Date }[];
}

export interface ReplayView {
  id: string;
  code: string;
  steps: ReplayStepView[];
  /** Where the replay stopped when a stored step is refused by today's rules (then the steps end there). */
  brokenAt: number | null;
}

export async function orderReplay(user: SessionUser, orderId: string): Promise<ReplayView | null> {
  // The engine's own load (the one the commands use) and the order's events, in one snapshot on the page reads' connection.
  const read = readSql((sql) => {
    const loaded = loadOrder(sql, orderId, orderScope(user));
    if (!loaded) return null;
    const events = sql
      .all<{ seq: number; type: string; actorRole: string; actorId: string | null; at: string; data: string; summary: string; message: string | null }>(
        `SELECT "seq", "type", "actorRole", "actorId", "at", "data", "summary", "message" FROM "OrderEvent" WHERE "orderId" = ? ORDER BY "seq" ASC`,
        orderId,
      )
      .map((event) => ({ ...event, at: dateOf(event.at)! }));
    return { ...loaded, events };
  });
  if (!read) return null;
  const order = read;
  const stored = toOrderState(order);
  const policy = policyFor(stored.policyProfile);
  const replay = replayHistory(
    stored,
    order.events.map((event) => ({ seq: event.seq, type: event.type, actor: { role: event.actorRole as Role, id: event.actorId }, at: event.at, data: event.data })),
    policy,
  );
  const steps = replay.steps.map((step): ReplayStepView => {
    const event = order.events.find((e) => e.seq === step.seq)!;
    const { state } = step;
    const facts: { label: Message; value: Message }[] = [{ label: m("replay.fact.order"), value: machineStatusLabel("order", state.status) }];
    if (state.cancelRequest) facts.push({ label: m("replay.fact.cancelRequest"), value: machineStatusLabel("cancel-request", state.cancelRequest.status) });
    if (state.returnCase) facts.push({ label: m("replay.fact.case"), value: machineStatusLabel("case", state.returnCase.status) });
    for (const refund of state.refunds) facts.push({ label: m("replay.fact.refund"), value: machineStatusLabel("refund", refund.status) });
    for (const dispute of state.disputes) facts.push({ label: m("replay.fact.dispute", { subject: DISPUTE_SUBJECT_LABELS[dispute.subject] }), value: machineStatusLabel("dispute", dispute.status) });
    return {
      seq: step.seq,
      at: event.at,
      actor: event.actorRole in ROLE_LABELS ? ROLE_LABELS[event.actorRole as Role] : m("engine.verbatim", { text: event.actorRole }),
      summary: storedSummary(event),
      command: step.command ? commandLabel(step.command.type) : null,
      facts,
      currency: state.currency,
      paidMinor: state.paidAt ? state.totalMinor : 0,
      escrowMinor: state.escrowMinor,
      refundedMinor: state.refunds.reduce((sum, refund) => sum + refund.totalMinor, 0),
      deadlines: openDeadlines(Object.entries(state.deadlines).flatMap(([key, dueAt]) => (dueAt ? [{ kind: key, dueAt }] : [])))
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
        .map(({ label, dueAt }) => ({ label, dueAt })),
    };
  });
  return { id: order.id, code: order.code, steps, brokenAt: "error" in replay ? (order.events[replay.steps.length]?.seq ?? null) : null };
}
