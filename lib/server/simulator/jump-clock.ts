import { m, type Message } from "@/lib/i18n/message";
import { english } from "@/lib/i18n/translator";
import { DEADLINE_LABELS, parseDeadlineKey } from "@/lib/order";
import "server-only";
import { systemClock } from "@/lib/clock";
import { AppError, type Result } from "@/lib/errors";
import { orderScope, type SessionUser } from "../auth/session-user";
import { db } from "../db";
import { runCommand } from "../run-command";
import { advanceClock, appTime } from "../timers/sim-clock";
import { nextDeadline } from "../timers/sweep";
import { sweepNow } from "../timers/sweeper";
import { requireClockControl } from "../worlds/world-access";

export type JumpTarget = { by: "HOUR" } | { by: "DAY" } | { by: "NEXT_DEADLINE" } | { by: "DEADLINE"; orderId: string; key: string };

/**
 * Moves the simulator's clock forward — an hour, a day, to the next deadline on an order this person
 * may see (support: any order), or to
 * one deadline of an order this person may see — and lets the timers act on everything now due.
 * Only a private world's owner and facilitators may (lib/worlds.ts clockControl); others are refused.
 */
export function jumpClock(user: SessionUser, target: JumpTarget): Promise<Result<{ from: Date; to: Date; applied: number; label: Message }>> {
  return runCommand(async () => {
    const worldId = orderScope(user).worldId;
    await requireClockControl(db, worldId, user.visitorId);
    const now = await appTime(db, systemClock, worldId);
    let to: Date;
    let label: Message;
    if (target.by === "HOUR" || target.by === "DAY") {
      to = new Date(now.getTime() + (target.by === "HOUR" ? 1 : 24) * 3_600_000);
      label = m(target.by === "HOUR" ? "clock.plusHour" : "clock.plusDay");
    } else if (target.by === "NEXT_DEADLINE") {
      const next = await nextDeadline(db, now, orderScope(user));
      if (!next) throw new AppError("INVALID_TRANSITION", m("errors.nothingWaiting"));
      to = next.dueAt;
      label = m("clock.deadlineOfOrder", { deadline: next.label, code: next.code });
    } else {
      const deadline = await db.deadline.findFirst({
        where: { orderId: target.orderId, kind: target.key, resolvedAt: null, order: orderScope(user) },
        select: { dueAt: true, order: { select: { code: true } } },
      });
      if (!deadline) throw new AppError("NOT_FOUND", m("errors.deadlineGone"));
      to = deadline.dueAt;
      const kind = parseDeadlineKey(target.key)?.kind;
      label = m("clock.deadlineOfOrder", { deadline: kind ? DEADLINE_LABELS[kind] : m("engine.verbatim", { text: target.key }), code: deadline.order.code });
    }
    // The clock's record keeps English, like the events' summaries.
    const moved = await advanceClock(db, to, english().render(label), user.id, systemClock, worldId);
    const swept = await sweepNow(db);
    return { ...moved, applied: swept.applied, label };
  });
}
