import "server-only";
/**
 * Scenario runs as people see them (issue 30): a run's checklist beside its order, a visitor's runs on
 * the scenarios page, and the trainer's room — each member, the persona they are signed in as and
 * how far their latest run has come. A handful of queries whatever the number of runs: the events of
 * every run shown are read in one, the world's clock moves in another.
 */
import { runProgress, type RunProgress } from "@/lib/scenarios/progress";
import type { Scenario } from "@/lib/scenarios/scenarios";
import type { WorldRole } from "@/lib/worlds";
import { SESSION_IDLE_MS } from "../auth/sessions";
import { readSql } from "../sqlite/read-sql";
import { dateOf, type SqlTx, placeholders } from "../sqlite/sql-tx";
import { scenarios } from "./catalogue";

export interface RunView {
  id: string;
  scenario: Scenario;
  orderId: string;
  visitorId: string;
  startedAt: Date;
  progress: RunProgress;
}

interface RunRow {
  id: string;
  scenarioId: string;
  orderId: string;
  visitorId: string;
  startedAt: Date;
}

const RUN = `r."id", r."scenarioId", r."orderId", r."visitorId", r."startedAt"`;
const runRows = (rows: (Omit<RunRow, "startedAt"> & { startedAt: string })[]): RunRow[] => rows.map((row) => ({ ...row, startedAt: dateOf(row.startedAt)! }));

/** The runs with their progress (runs still being made, or of a scenario file since removed, are left out). */
function withProgress(sql: SqlTx, worldId: string, runs: RunRow[]): RunView[] {
  const known = runs.flatMap((run) => {
    const scenario = scenarios().find((candidate) => candidate.id === run.scenarioId);
    return scenario && !run.orderId.startsWith("pending:") ? [{ run, scenario }] : [];
  });
  if (known.length === 0) return [];
  const orderIds = known.map(({ run }) => run.orderId);
  const events = sql.all<{ orderId: string; data: string; at: string }>(`SELECT "orderId", "data", "at" FROM "OrderEvent" WHERE "orderId" IN (${placeholders(orderIds)}) ORDER BY "orderId" ASC, "seq" ASC`, ...orderIds);
  const moves = sql.all<{ fromAt: string; toAt: string }>(`SELECT "fromAt", "toAt" FROM "ClockJump" WHERE "worldId" = ?`, worldId).map((move) => ({ fromAt: dateOf(move.fromAt)!, toAt: dateOf(move.toAt)! }));
  const byOrder = new Map<string, { command: string; at: Date }[]>();
  for (const event of events) {
    const commands = byOrder.get(event.orderId) ?? [];
    commands.push({ command: commandOf(event.data), at: dateOf(event.at)! });
    byOrder.set(event.orderId, commands);
  }
  return known.map(({ run, scenario }) => ({ ...run, scenario, progress: runProgress(scenario, byOrder.get(run.orderId) ?? [], run.startedAt, moves) }));
}

/** The run that made this order, if a scenario did (the order page's checklist). */
export async function runOfOrder(worldId: string, orderId: string): Promise<RunView | null> {
  return readSql((sql) => {
    const run = sql.get<Omit<RunRow, "startedAt"> & { startedAt: string }>(`SELECT ${RUN} FROM "ScenarioRun" r WHERE r."orderId" = ? AND r."worldId" = ? LIMIT 1`, orderId, worldId);
    return run ? (withProgress(sql, worldId, runRows([run]))[0] ?? null) : null;
  });
}

/** This visitor's runs in a world, newest first. */
export async function runsOfVisitor(worldId: string, visitorId: string | null): Promise<RunView[]> {
  if (!visitorId) return [];
  return readSql((sql) =>
    withProgress(sql, worldId, runRows(sql.all(`SELECT ${RUN} FROM "ScenarioRun" r WHERE r."worldId" = ? AND r."visitorId" = ? ORDER BY r."startedAt" DESC LIMIT 50`, worldId, visitorId))),
  );
}

export interface RoomMember {
  id: string;
  name: string;
  role: WorldRole;
  /** The persona this member's browser is signed in as in this world, if any. */
  persona: { name: string; role: string } | null;
  /** Their latest run. */
  run: RunView | null;
  runs: number;
}

/** The trainer's room: each member of the world, the persona they play now and their latest run. One snapshot on the page reads' connection. */
export async function trainingRoom(worldId: string, realNow: Date): Promise<RoomMember[]> {
  return readSql((sql) => {
    const members = sql.all<{ id: string; name: string; role: string; visitorId: string }>(`SELECT "id", "name", "role", "visitorId" FROM "WorldMember" WHERE "worldId" = ? ORDER BY "joinedAt" ASC LIMIT 100`, worldId);
    const visitorIds = members.map((member) => member.visitorId);
    const sessions = visitorIds.length
      ? sql.all<{ visitorId: string; userId: string }>(
          `SELECT "visitorId", "userId" FROM "Session" WHERE "visitorId" IN (${placeholders(visitorIds)}) AND "revokedAt" IS NULL AND "expiresAt" > ? AND "lastSeenAt" > ? ORDER BY "createdAt" DESC LIMIT 500`,
          ...visitorIds,
          realNow,
          new Date(realNow.getTime() - SESSION_IDLE_MS),
        )
      : [];
    const people = sql.all<{ id: string; name: string; role: string }>(`SELECT "id", "name", "role" FROM "User" WHERE "worldId" = ?`, worldId);
    const runs = runRows(sql.all(`SELECT ${RUN} FROM "ScenarioRun" r WHERE r."worldId" = ? ORDER BY r."startedAt" DESC LIMIT 2000`, worldId));
    const personOf = new Map(people.map((person) => [person.id, person]));
    const latest = new Map<string, RunRow>();
    const counts = new Map<string, number>();
    for (const run of runs) {
      if (!latest.has(run.visitorId)) latest.set(run.visitorId, run);
      counts.set(run.visitorId, (counts.get(run.visitorId) ?? 0) + 1);
    }
    const views = new Map(withProgress(sql, worldId, [...latest.values()]).map((view) => [view.visitorId, view]));
    return members.map((member) => {
      const session = sessions.find((candidate) => candidate.visitorId === member.visitorId && personOf.has(candidate.userId));
      const persona = session ? personOf.get(session.userId)! : null;
      return {
        id: member.id,
        name: member.name,
        role: member.role as WorldRole,
        persona: persona ? { name: persona.name, role: persona.role } : null,
        run: views.get(member.visitorId) ?? null,
        runs: counts.get(member.visitorId) ?? 0,
      };
    });
  });
}

/** Every run in a world (of one scenario, or of all) with its member's name, oldest first (the summary a trainer downloads). */
export async function runsOfWorld(worldId: string, scenarioId: string | null): Promise<(RunView & { memberName: string })[]> {
  return readSql((sql) => {
    const runs = runRows(
      scenarioId
        ? sql.all(`SELECT ${RUN} FROM "ScenarioRun" r WHERE r."worldId" = ? AND r."scenarioId" = ? ORDER BY r."startedAt" ASC LIMIT 5000`, worldId, scenarioId)
        : sql.all(`SELECT ${RUN} FROM "ScenarioRun" r WHERE r."worldId" = ? ORDER BY r."startedAt" ASC LIMIT 5000`, worldId),
    );
    const members = sql.all<{ visitorId: string; name: string }>(`SELECT "visitorId", "name" FROM "WorldMember" WHERE "worldId" = ?`, worldId);
    const names = new Map(members.map((member) => [member.visitorId, member.name]));
    return withProgress(sql, worldId, runs).map((view) => ({ ...view, memberName: names.get(view.visitorId) ?? "" }));
  });
}

function commandOf(data: string): string {
  try {
    return (JSON.parse(data) as { command?: { type?: string } }).command?.type ?? "";
  } catch {
    return "";
  }
}

/**
 * The summary as CSV rows: one per run — the scenario, who, when, finished or not, the step they are
 * on, and each step's real minutes (as many step columns as the longest scenario has).
 */
export function summaryRows(
  runs: (RunView & { memberName: string })[],
  labels: { header: string[]; step: (n: number) => string; yes: string; no: string },
  text: (value: Scenario["title"]) => string,
): (string | number | null)[][] {
  const steps = Math.max(0, ...runs.map((run) => run.scenario.steps.length));
  const header = [...labels.header, ...Array.from({ length: steps }, (_, i) => labels.step(i + 1))];
  const rows = runs.map((run) => [
    text(run.scenario.title),
    run.memberName,
    run.startedAt.toISOString(),
    run.progress.next === null ? labels.yes : labels.no,
    run.progress.doneCount,
    run.progress.next === null ? "" : `${run.progress.next + 1}. ${text(run.scenario.steps[run.progress.next]!.text)}`,
    ...run.progress.steps.map((step) => (step.tookMs === null ? null : Number((step.tookMs / 60_000).toFixed(1)))),
  ]);
  return [header, ...rows];
}
