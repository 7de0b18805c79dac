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
import type { Db } from "../prisma";
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

const RUN = { id: true, scenarioId: true, orderId: true, visitorId: true, startedAt: true } as const;

/** The runs with their progress (runs still being made, or of a scenario file since removed, are left out). */
export async function withProgress(db: Db, worldId: string, runs: RunRow[]): Promise<RunView[]> {
  const known = runs.flatMap((run) => {
    const scenario = scenarios().find((candidate) => candidate.id === run.scenarioId);
    return scenario && !run.orderId.startsWith("pending:") ? [{ run, scenario }] : [];
  });
  if (known.length === 0) return [];
  const [events, moves] = await Promise.all([
    db.orderEvent.findMany({ where: { orderId: { in: known.map(({ run }) => run.orderId) } }, orderBy: [{ orderId: "asc" }, { seq: "asc" }], select: { orderId: true, data: true, at: true } }),
    db.clockJump.findMany({ where: { worldId }, select: { fromAt: true, toAt: true } }),
  ]);
  const byOrder = new Map<string, { command: string; at: Date }[]>();
  for (const event of events) {
    const list = byOrder.get(event.orderId) ?? [];
    list.push({ command: commandOf(event.data), at: event.at });
    byOrder.set(event.orderId, list);
  }
  return known.map(({ run, scenario }) => ({ ...run, scenario, progress: runProgress(scenario, byOrder.get(run.orderId) ?? [], run.startedAt, moves) }));
}

function commandOf(data: string): string {
  try {
    return (JSON.parse(data) as { command?: { type?: string } }).command?.type ?? "";
  } catch {
    return "";
  }
}

/** The run that made this order, if a scenario did. */
export async function runOfOrder(db: Db, worldId: string, orderId: string): Promise<RunView | null> {
  const run = await db.scenarioRun.findFirst({ where: { orderId, worldId }, select: RUN });
  return run ? ((await withProgress(db, worldId, [run]))[0] ?? null) : null;
}

/** This visitor's runs in a world, newest first. */
export async function runsOfVisitor(db: Db, worldId: string, visitorId: string | null): Promise<RunView[]> {
  if (!visitorId) return [];
  const runs = await db.scenarioRun.findMany({ where: { worldId, visitorId }, orderBy: { startedAt: "desc" }, take: 50, select: RUN });
  return withProgress(db, worldId, runs);
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

/** The trainer's room: each member of the world, the persona they play now and their latest run. */
export async function trainingRoom(db: Db, worldId: string, realNow: Date): Promise<RoomMember[]> {
  const members = await db.worldMember.findMany({ where: { worldId }, orderBy: { joinedAt: "asc" }, take: 100, select: { id: true, name: true, role: true, visitorId: true } });
  const visitorIds = members.map((member) => member.visitorId);
  const [sessions, people, runs] = await Promise.all([
    db.session.findMany({
      where: { visitorId: { in: visitorIds }, revokedAt: null, expiresAt: { gt: realNow }, lastSeenAt: { gt: new Date(realNow.getTime() - SESSION_IDLE_MS) } },
      orderBy: { createdAt: "desc" },
      take: 500,
      select: { visitorId: true, userId: true },
    }),
    db.user.findMany({ where: { worldId }, select: { id: true, name: true, role: true } }),
    db.scenarioRun.findMany({ where: { worldId }, orderBy: { startedAt: "desc" }, take: 2000, select: RUN }),
  ]);
  const personOf = new Map(people.map((person) => [person.id, person]));
  const latest = new Map<string, RunRow>();
  const counts = new Map<string, number>();
  for (const run of runs) {
    if (!latest.has(run.visitorId)) latest.set(run.visitorId, run);
    counts.set(run.visitorId, (counts.get(run.visitorId) ?? 0) + 1);
  }
  const views = new Map((await withProgress(db, worldId, [...latest.values()])).map((view) => [view.visitorId, view]));
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
}

/** Every run in a world (of one scenario, or of all) with its member's name, oldest first (the summary a trainer downloads). */
export async function runsOfWorld(db: Db, worldId: string, scenarioId: string | null): Promise<(RunView & { memberName: string })[]> {
  const [runs, members] = await Promise.all([
    db.scenarioRun.findMany({ where: { worldId, ...(scenarioId ? { scenarioId } : {}) }, orderBy: { startedAt: "asc" }, take: 5000, select: RUN }),
    db.worldMember.findMany({ where: { worldId }, select: { visitorId: true, name: true } }),
  ]);
  const names = new Map(members.map((member) => [member.visitorId, member.name]));
  return (await withProgress(db, worldId, runs)).map((view) => ({ ...view, memberName: names.get(view.visitorId) ?? "" }));
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
