import "server-only";
import { m } from "@/lib/i18n/message";
import { AppError, type Result } from "@/lib/errors";
import { stepPersonas, type Scenario } from "@/lib/scenarios/scenarios";
import { WORLD_ID_SEPARATOR, WORLD_LIMITS, worldScopedId } from "@/lib/worlds";
import { buildOrder } from "../demo/build-order";
import { isUniqueViolation, type Db } from "../prisma";
import { runCommand } from "../run-command";
import { readOffsetMs } from "../timers/sim-clock";
import { loadWorldView } from "../worlds/world-access";
import { scenarios } from "./catalogue";

/** Scenarios one visitor may start in one world in an hour (each makes an order). */
export const SCENARIO_STARTS_PER_HOUR = 30;

export interface StartScenarioInput {
  worldId: string;
  visitorId: string;
  scenarioId: string;
  /** The form's one-time key: a double-click or a retry starts one run, not two. */
  key: string;
}

export interface StartedRun {
  orderId: string;
  /** The persona who acts first (the page signs the visitor in as them). */
  personaId: string;
}

/**
 * Starts a guided scenario (issue 30) in a private world: its order is made as the seed makes orders —
 * placed, paid and moved on through the engine, at the world's time minus the scenario's age — and a
 * run records whose it is. Only a member of the world may; the demo world's clock cannot move, so
 * scenarios are never started there. The same key twice gives the run it already made.
 */
export function startScenario(db: Db, input: StartScenarioInput, realNow: Date): Promise<Result<StartedRun>> {
  return runCommand(async () => {
    const { world, scenario } = await checkStart(db, input);
    const recent = await db.scenarioRun.count({ where: { worldId: world.id, visitorId: input.visitorId, startedAt: { gt: new Date(realNow.getTime() - 3_600_000) } } });
    if (recent >= SCENARIO_STARTS_PER_HOUR) throw new AppError("VALIDATION", m("scenarios.errors.tooMany", { max: SCENARIO_STARTS_PER_HOUR }));
    const orderId = await makeRun(db, world.id, scenario, input.visitorId, worldScopedId(world.id, `run-${scenario.id}-${input.key}`), realNow);
    return { orderId, personaId: await firstPersona(db, world.id, scenario) };
  });
}

/**
 * "Start this scenario for everyone": each member of the world gets a run of their own (an order
 * each). Only the owner and facilitators may. Returns how many runs were made.
 */
export function startScenarioForEveryone(db: Db, input: StartScenarioInput, realNow: Date): Promise<Result<{ runs: number }>> {
  return runCommand(async () => {
    const { world, scenario } = await checkStart(db, input);
    if (!world.clock.allowed) throw new AppError("FORBIDDEN", m("scenarios.errors.notFacilitator"));
    const members = await db.worldMember.findMany({ where: { worldId: world.id }, orderBy: { joinedAt: "asc" }, take: WORLD_LIMITS.members, select: { id: true, visitorId: true } });
    for (const member of members) await makeRun(db, world.id, scenario, member.visitorId, worldScopedId(world.id, `run-${scenario.id}-${input.key}-${member.id}`), realNow);
    return { runs: members.length };
  });
}

async function checkStart(db: Db, input: StartScenarioInput) {
  const world = await loadWorldView(db, input.worldId, input.visitorId);
  if (!world) throw new AppError("NOT_FOUND", m("errors.noWorld"));
  if (world.kind !== "PRIVATE") throw new AppError("VALIDATION", m("scenarios.errors.demoWorld"));
  const scenario = scenarios().find((candidate) => candidate.id === input.scenarioId);
  if (!scenario) throw new AppError("NOT_FOUND", m("scenarios.errors.unknown"));
  return { world, scenario };
}

/**
 * One run: its id claimed first (so the same key twice, even at once, makes one order), then the
 * order built, then the claim pointed at it. A run whose order could not be built is taken back.
 */
async function makeRun(db: Db, worldId: string, scenario: Scenario, visitorId: string, runId: string, realNow: Date): Promise<string> {
  const claimed = await db.scenarioRun.createMany({ data: [{ id: runId, worldId, scenarioId: scenario.id, orderId: `pending:${runId}`, visitorId, startedAt: realNow }] }).then(
    () => true,
    (error: unknown) => {
      if (isUniqueViolation(error)) return false;
      throw error;
    },
  );
  if (!claimed) {
    const existing = await db.scenarioRun.findUniqueOrThrow({ where: { id: runId }, select: { orderId: true, worldId: true } });
    if (existing.worldId !== worldId || existing.orderId.startsWith("pending:")) throw new AppError("CONFLICT", m("scenarios.errors.starting"));
    return existing.orderId;
  }
  try {
    const appNow = realNow.getTime() + (await readOffsetMs(db, worldId));
    const scoped = (id: string) => worldScopedId(worldId, id);
    const order = await buildOrder(db, {
      buyerId: scoped(scenario.order.buyer),
      shopId: scoped(scenario.order.shop),
      items: scenario.order.items.map(([productId, quantity]) => ({ productId: scoped(productId), quantity })),
      shippingFeeMinor: 599,
      paymentMethod: scenario.order.paymentMethod,
      status: scenario.order.status,
      placedAt: new Date(appNow - scenario.order.placedMinutesAgo * 60_000),
    });
    await db.scenarioRun.update({ where: { id: runId }, data: { orderId: order.id } });
    return order.id;
  } catch (error) {
    await db.scenarioRun.delete({ where: { id: runId } });
    throw error;
  }
}

/** The run a form's key already made for this visitor, in whichever world (a double-click from the demo world creates one practice world, not two). */
export async function existingRun(db: Db, visitorId: string, scenarioId: string, key: string): Promise<{ worldId: string; orderId: string } | null> {
  return db.scenarioRun.findFirst({ where: { visitorId, id: { endsWith: `${WORLD_ID_SEPARATOR}run-${scenarioId}-${key}` } }, select: { worldId: true, orderId: true } });
}

/** The persona who plays the scenario's first step in this world (the buyer when a timer plays it). */
async function firstPersona(db: Db, worldId: string, scenario: Scenario): Promise<string> {
  const personas = await db.user.findMany({ where: { worldId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, role: true, shopId: true } });
  return stepPersonas(scenario, worldId, personas).find((persona) => persona !== null)?.id ?? worldScopedId(worldId, scenario.order.buyer);
}
