/**
 * The timer sweeper: applies every due system command — the deadlines of docs/rules.md#deadlines, the
 * reminders, the simulated carrier and payment network — in deadline order, through the same command
 * runner as people, as the SYSTEM actor, each at its deadline's time. Exactly once even when two
 * sweeps overlap: a deadline is used up by the command that acts on it, and the runner's version
 * check lets only one of two racing sweeps write.
 */
import { m } from "@/lib/i18n/message";
import { DEADLINE_LABELS, commandForDeadline, parseDeadlineKey } from "@/lib/order";
import type { NextDeadline } from "@/lib/views";
import type { Db } from "../prisma";
import { dateOf, type SqlTx } from "../sqlite/sql-tx";
import { runSystemCommand } from "../orders/run-system-command";

export interface SweepResult {
  applied: number;
  /** Lost a race to a person or another sweep; the next sweep looks again. */
  conflicts: number;
  /** Refused by the rules: a deadline left open by mistake; closed so that it does not come back. */
  stale: number;
}

/** The due deadlines (of one world, when named), earliest first, touching only due rows (index on resolvedAt, [worldId,] dueAt). */
export function dueDeadlines(db: Db, now: Date, take: number, worldId?: string) {
  return db.deadline.findMany({
    where: { resolvedAt: null, dueAt: { lte: now }, ...(worldId ? { worldId } : {}) },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true, orderId: true, kind: true, dueAt: true },
  });
}

export async function sweepDueDeadlines(db: Db, now: Date, options: { batch?: number; maxRounds?: number; worldId?: string } = {}): Promise<SweepResult> {
  const { batch = 200, maxRounds = 100, worldId } = options;
  const result: SweepResult = { applied: 0, conflicts: 0, stale: 0 };
  // Acting on a deadline can open the next one (already due after a clock jump): keep going, in rounds.
  for (let round = 0; round < maxRounds; round++) {
    const due = await dueDeadlines(db, now, batch, worldId);
    if (due.length === 0) break;
    let progressed = false;
    // Sent together, in deadline order: they run in that order and share the writer's commits.
    const outcomes = await Promise.all(
      due.map((deadline) => {
        const command = commandForDeadline(deadline.kind);
        return command ? runSystemCommand(db, deadline.orderId, command, deadline.dueAt) : null;
      }),
    );
    for (const [index, deadline] of due.entries()) {
      const outcome = outcomes[index];
      if (outcome?.ok) {
        result.applied += 1;
        progressed = true;
      } else if (outcome && outcome.error.code === "CONFLICT") {
        result.conflicts += 1;
      } else {
        // The rules no longer act on it (the property tests say this does not happen): close it rather than retry forever.
        const closed = await db.deadline.updateMany({ where: { id: deadline.id, resolvedAt: null }, data: { resolvedAt: now, resolution: "STALE" } });
        if (closed.count > 0) {
          result.stale += 1;
          progressed = true;
          console.warn(`Timer ${deadline.kind} of order ${deadline.orderId} could not act: ${outcome ? outcome.error.message : "unknown deadline"}`);
        }
      }
    }
    if (!progressed) break;
  }
  return result;
}

export type { NextDeadline };

/**
 * nextDeadline on a page's read connection (the clock bar, on every page): the same seek on the open
 * deadlines' (<owner>, dueAt, id) index, stopping at the first row that is not a reminder.
 */
export function readNextDeadline(sql: SqlTx, after: Date, scope: { worldId?: string; buyerId?: string; shopId?: string }): NextDeadline | null {
  const [column, value] = scope.buyerId ? ["buyerId", scope.buyerId] : scope.shopId ? ["shopId", scope.shopId] : ["worldId", scope.worldId];
  const owner = value === undefined ? "" : ` AND d."${column}" = ?`;
  const world = scope.worldId !== undefined && column !== "worldId" ? ` AND d."worldId" = ?` : "";
  const params = [after, ...(value === undefined ? [] : [value]), ...(world ? [scope.worldId] : [])];
  const next = sql.get<{ orderId: string; kind: string; dueAt: string; code: string }>(
    `SELECT d."orderId", d."kind", d."dueAt", o."code" FROM "Deadline" d JOIN "Order" o ON o."id" = d."orderId"
      WHERE d."resolvedAt" IS NULL AND d."dueAt" > ?${owner}${world} AND instr(d."kind", '_REMINDER') = 0 ORDER BY d."dueAt" ASC, d."id" ASC LIMIT 1`,
    ...params,
  );
  return next ? toNextDeadline({ orderId: next.orderId, code: next.code, kind: next.kind, dueAt: dateOf(next.dueAt)! }) : null;
}

/** A deadline row as the clock bar names it. */
function toNextDeadline(next: { orderId: string; code: string; kind: string; dueAt: Date }): NextDeadline {
  const parsed = parseDeadlineKey(next.kind);
  return { orderId: next.orderId, code: next.code, label: parsed ? DEADLINE_LABELS[parsed.kind] : m("engine.verbatim", { text: next.kind }), dueAt: next.dueAt };
}

/**
 * The next deadline someone is waiting for (reminders aside), for "Jump to next deadline", among the
 * orders `scope` lets a person see: a buyer's own, a shop's, or (support, `{}`) every order.
 */
export async function nextDeadline(db: Db, after: Date, scope: { buyerId?: string; shopId?: string }): Promise<NextDeadline | null> {
  const next = await db.deadline.findFirst({
    // The deadline carries its order's shop and buyer, so the scope is part of the index seek.
    where: { resolvedAt: null, dueAt: { gt: after }, NOT: { kind: { contains: "_REMINDER" } }, ...scope },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { orderId: true, kind: true, dueAt: true, order: { select: { code: true } } },
  });
  return next ? toNextDeadline({ orderId: next.orderId, code: next.order.code, kind: next.kind, dueAt: next.dueAt }) : null;
}
