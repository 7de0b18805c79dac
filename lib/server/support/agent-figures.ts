import "server-only";
import { PERFORMANCE_WINDOWS, median, performanceDays, type PerformanceWindow } from "@/lib/order";
import type { SessionUser } from "../auth/session-user";
import { readSql } from "../sqlite/read-sql";
import { storedDate, type SqlTx } from "../sqlite/sql-tx";

/**
 * Support's own figures (issue 17, point 5): cases decided, the median time to a decision and the
 * share of decisions overturned on appeal, per agent and for the team, over the last 7 and 30 days of
 * the app clock (UTC calendar days: support is the platform's, not a shop's). A decision is a first
 * decision (timed from the dispute's opening) or an appeal's (timed from the appeal). Counted from
 * the disputes of the agent's world, found by Dispute(decidedAt) and Dispute(appealDecidedAt).
 */

interface Decision {
  agentId: string;
  at: Date;
  ms: number;
  /** A first decision: whether an appeal overturned it. Null for an appeal's decision. */
  overturned: boolean | null;
}

export interface AgentRow {
  agentId: string | null;
  name: string;
  decided: number;
  medianMs: number | null;
  firstDecisions: number;
  overturned: number;
}

export interface AgentFigures {
  windows: { days: PerformanceWindow; from: string; to: string; team: AgentRow; agents: AgentRow[] }[];
  daily: { day: string; decided: number }[];
}

type Raw = Record<string, unknown>;

function decisions(sql: SqlTx, worldId: string, from: Date, to: Date): Decision[] {
  const [first, appeals] = [
    sql.all<Raw>(
      `SELECT d.decidedById AS agent, d.decidedAt AS at, d.openedAt AS since, d.appealOutcome AS appeal FROM Dispute d JOIN "Order" o ON o.id = d.orderId
       WHERE d.decidedAt >= ? AND d.decidedAt < ? AND o.worldId = ? AND d.decidedById IS NOT NULL`,
      storedDate(from),
      storedDate(to),
      worldId,
    ),
    sql.all<Raw>(
      `SELECT d.appealDecidedById AS agent, d.appealDecidedAt AS at, d.appealedAt AS since FROM Dispute d JOIN "Order" o ON o.id = d.orderId
       WHERE d.appealDecidedAt >= ? AND d.appealDecidedAt < ? AND o.worldId = ? AND d.appealDecidedById IS NOT NULL`,
      storedDate(from),
      storedDate(to),
      worldId,
    ),
  ];
  const of = (row: Raw, overturned: boolean | null): Decision => {
    const at = new Date(String(row.at));
    return { agentId: String(row.agent), at, ms: at.getTime() - new Date(String(row.since)).getTime(), overturned };
  };
  return [...first.map((row) => of(row, row.appeal === "OVERTURNED")), ...appeals.map((row) => of(row, null))];
}

function rowOf(agentId: string | null, name: string, mine: Decision[]): AgentRow {
  const firsts = mine.filter((d) => d.overturned !== null);
  return { agentId, name, decided: mine.length, medianMs: median(mine.map((d) => d.ms)), firstDecisions: firsts.length, overturned: firsts.filter((d) => d.overturned).length };
}

/** The figures for support's world; null for anyone but support. */
export async function agentFigures(user: SessionUser, now: Date): Promise<AgentFigures | null> {
  if (user.role !== "SUPPORT") return null;
  const worldId = user.worldId ?? "demo";
  const days = performanceDays(now, "GLOBAL", 30);
  // One snapshot on the page reads' connection: the decisions and the team they are counted for.
  const { all, agents } = readSql((sql) => ({
    all: decisions(sql, worldId, days[0]!.start, days.at(-1)!.end),
    agents: sql.all<{ id: string; name: string }>(`SELECT "id", "name" FROM "User" WHERE "role" = 'SUPPORT' AND "worldId" = ? ORDER BY "sortOrder" ASC, "name" ASC`, worldId),
  }));
  const names = new Map(agents.map((agent) => [agent.id, agent.name]));
  const windows = PERFORMANCE_WINDOWS.map((size) => {
    const start = days[days.length - size]!.start.getTime();
    const mine = all.filter((d) => d.at.getTime() >= start);
    const ids = [...new Set([...agents.map((a) => a.id), ...mine.map((d) => d.agentId)])];
    return {
      days: size,
      from: days[days.length - size]!.day,
      to: days.at(-1)!.day,
      team: rowOf(null, "The team", mine),
      agents: ids.map((id) => rowOf(id, names.get(id) ?? id, mine.filter((d) => d.agentId === id))),
    };
  });
  const daily = days.map((day) => ({ day: day.day, decided: all.filter((d) => d.at >= day.start && d.at < day.end).length }));
  return { windows, daily };
}
