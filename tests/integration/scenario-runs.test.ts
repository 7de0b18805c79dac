/**
 * Scenario runs (issue 30): Start makes the scenario's order in a private world through the services
 * and names the persona who acts first; the same form twice makes one run; the demo world, outsiders
 * and unknown scenarios are refused with nothing made; "start for everyone" is the owner's and
 * facilitators' and gives each member their own order; the trainer's room shows each member's persona
 * and progress as they play; the CSV summary counts real minutes; a reset or delete takes runs along.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { parseDeadlineKey } from "@/lib/order";
import { checklist } from "@/lib/scenarios/scenarios";
import { createSession, revokeSession } from "@/lib/server/auth/sessions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { scenarios } from "@/lib/server/scenarios/catalogue";
import { runOfOrder, runsOfVisitor, runsOfWorld, summaryRows, trainingRoom } from "@/lib/server/scenarios/runs";
import { startScenario, startScenarioForEveryone } from "@/lib/server/scenarios/start-scenario";
import { advanceClock, appTime } from "@/lib/server/timers/sim-clock";
import { sweepDueDeadlines } from "@/lib/server/timers/sweep";
import { createWorld } from "@/lib/server/worlds/create-world";
import { joinWorld } from "@/lib/server/worlds/join-world";
import { deleteOwnWorld, resetOwnWorld, setMemberRole } from "@/lib/server/worlds/manage-world";
import { inEnglish } from "../support/order-state";

const realNow = new Date();
let world = "";
let token = "";

const orderCount = (worldId: string) => db.order.count({ where: { worldId } });

beforeAll(async () => {
  await seedDemoWorld(db, realNow);
  const created = await createWorld(db, { visitorId: "trainer", name: "Room", ownerName: "Tess (trainer)", template: "PEOPLE_ONLY" }, realNow);
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  world = created.value.worldId;
  token = (await db.world.findUniqueOrThrow({ where: { id: world } })).joinToken!;
  for (const [visitorId, name] of [["alice", "Alice"], ["bob", "Bob"]] as const) expect((await joinWorld(db, { token, visitorId, name }, realNow)).ok).toBe(true);
}, 120_000);

describe("starting a scenario", () => {
  it("makes its order in the world through the services, names the first persona, and ticks nothing yet", async () => {
    const before = await orderCount(world);
    const result = await startScenario(db, { worldId: world, visitorId: "alice", scenarioId: "cancel-request-rejected", key: "a1b2c3d4e5f6a7b8c9d0" }, realNow);
    expect(result).toMatchObject({ ok: true, value: { personaId: `${world}_buyer-ben` } });
    if (!result.ok) return;
    expect(await orderCount(world)).toBe(before + 1);
    const order = await db.order.findUniqueOrThrow({ where: { id: result.value.orderId } });
    expect(order).toMatchObject({ worldId: world, buyerId: `${world}_buyer-ben`, shopId: `${world}_shop-maple`, status: "AWAITING_SHIPMENT", paymentMethod: "PAYPAL" });
    // Placed two hours before the world's time: past the first hour, so cancelling is a request.
    expect((await appTime(db, { now: () => realNow }, world)).getTime() - order.placedAt.getTime()).toBe(120 * 60_000);
    const run = await runOfOrder(world, order.id);
    expect(run).toMatchObject({ scenario: { id: "cancel-request-rejected" }, visitorId: "alice", progress: { doneCount: 0, next: 0 } });
    expect(inEnglish(await checkOrders(db, [order.id]))).toEqual([]);
  });

  it("the same form twice (a double-click, a retry) makes one run and one order", async () => {
    const input = { worldId: world, visitorId: "bob", scenarioId: "instant-cancel", key: "ffffeeeeddddccccbbbb" };
    const before = await orderCount(world);
    const [first, second] = await Promise.all([startScenario(db, input, realNow), startScenario(db, input, realNow)]);
    const third = await startScenario(db, input, realNow);
    const ok = [first, second, third].filter((result) => result.ok);
    expect(ok.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ok.map((result) => result.ok && result.value.orderId)).size).toBe(1);
    // A simultaneous twin that found the run still being made is told so, in words.
    for (const result of [first, second]) if (!result.ok) expect(inEnglish(result)).toMatchObject({ error: { code: "CONFLICT", message: expect.stringContaining("still being started") } });
    expect(await orderCount(world)).toBe(before + 1);
    expect(await db.scenarioRun.count({ where: { worldId: world, visitorId: "bob", scenarioId: "instant-cancel" } })).toBe(1);
  });

  it("refuses the demo world, a visitor who is not a member, and an unknown scenario, making nothing", async () => {
    const before = await db.order.count();
    const runs = await db.scenarioRun.count();
    const demo = await startScenario(db, { worldId: "demo", visitorId: "alice", scenarioId: "instant-cancel", key: "0000000000000000demo" }, realNow);
    expect(inEnglish(demo)).toMatchObject({ ok: false, error: { code: "VALIDATION", message: expect.stringContaining("demo world's clock cannot move") } });
    const outsider = await startScenario(db, { worldId: world, visitorId: "mallory", scenarioId: "instant-cancel", key: "0000000000000000mall" }, realNow);
    expect(outsider).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const unknown = await startScenario(db, { worldId: world, visitorId: "alice", scenarioId: "teleport", key: "0000000000000000tele" }, realNow);
    expect(inEnglish(unknown)).toMatchObject({ ok: false, error: { code: "NOT_FOUND", message: "There is no such scenario. Choose one from the list." } });
    expect(await db.order.count()).toBe(before);
    expect(await db.scenarioRun.count()).toBe(runs);
  });

  it("every scenario in the catalogue starts in a world copied without orders, its first persona one of the world's", async () => {
    const created = await createWorld(db, { visitorId: "solo", name: "Solo", ownerName: "Solo", template: "PEOPLE_ONLY" }, realNow);
    if (!created.ok) throw new Error("no world");
    for (const scenario of scenarios()) {
      const result = await startScenario(db, { worldId: created.value.worldId, visitorId: "solo", scenarioId: scenario.id, key: `catalogue${scenario.id.replace(/-/g, "")}`.slice(0, 40).padEnd(16, "0") }, realNow);
      expect(result.ok, scenario.id).toBe(true);
      if (!result.ok) continue;
      expect((await db.user.findUniqueOrThrow({ where: { id: result.value.personaId } })).worldId).toBe(created.value.worldId);
      const events = await db.orderEvent.findMany({ where: { orderId: result.value.orderId }, select: { data: true } });
      expect(checklist(scenario, events.map((event) => (JSON.parse(event.data) as { command?: { type: string } }).command?.type ?? "")).next, scenario.id).toBe(0);
    }
  });
});

describe("the trainer's room", () => {
  it("start for everyone: refused to a member, and for a facilitator one new order per member", async () => {
    const refused = await startScenarioForEveryone(db, { worldId: world, visitorId: "alice", scenarioId: "seller-silent", key: "everyone000000000001" }, realNow);
    expect(inEnglish(refused)).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Only the world's owner and facilitators can start a scenario for everyone." } });
    const bob = await db.worldMember.findFirstOrThrow({ where: { worldId: world, visitorId: "bob" } });
    expect((await setMemberRole(db, { worldId: world, visitorId: "trainer", memberId: bob.id, role: "FACILITATOR" })).ok).toBe(true);
    const before = await orderCount(world);
    const started = await startScenarioForEveryone(db, { worldId: world, visitorId: "bob", scenarioId: "seller-silent", key: "everyone000000000002" }, realNow);
    expect(started).toEqual({ ok: true, value: { runs: 3 } });
    expect(await orderCount(world)).toBe(before + 3);
    const runs = await db.scenarioRun.findMany({ where: { worldId: world, scenarioId: "seller-silent" } });
    expect(new Set(runs.map((run) => run.visitorId))).toEqual(new Set(["trainer", "alice", "bob"]));
    expect(new Set(runs.map((run) => run.orderId)).size).toBe(3);
    // Pressed again with the same form: nothing more.
    expect(await startScenarioForEveryone(db, { worldId: world, visitorId: "bob", scenarioId: "seller-silent", key: "everyone000000000002" }, realNow)).toEqual({ ok: true, value: { runs: 3 } });
    expect(await orderCount(world)).toBe(before + 3);
  });

  it("shows each member's persona and latest run, and their progress moves as they play", async () => {
    // A minute after her first run: the room shows the latest.
    const aliceStart = await startScenario(db, { worldId: world, visitorId: "alice", scenarioId: "cancel-request-approved", key: "alicecase2approved00" }, new Date(realNow.getTime() + 60_000));
    if (!aliceStart.ok) throw new Error("not started");
    const session = await createSession(db, `${world}_buyer-ben`, realNow, "alice");
    let room = await trainingRoom(world, realNow);
    const alice = () => room.find((member) => member.name === "Alice")!;
    expect(alice()).toMatchObject({ persona: { name: "Ben Okafor", role: "BUYER" }, run: { scenario: { id: "cancel-request-approved" }, progress: { doneCount: 0, next: 0 } } });
    expect(room.find((member) => member.name === "Tess (trainer)")?.persona).toBeNull();

    const at = await appTime(db, { now: () => realNow }, world);
    const ben: SessionUser = { id: `${world}_buyer-ben`, worldId: world, role: "BUYER", name: "Ben", shopId: null, shopName: null };
    expect((await runOrderCommand(db, ben, { orderId: aliceStart.value.orderId, command: { type: "REQUEST_CANCEL", reasonKey: "bought_by_mistake" } }, at)).ok).toBe(true);
    room = await trainingRoom(world, realNow);
    expect(alice().run?.progress).toMatchObject({ doneCount: 1, next: 1 });

    // She switches to the seller: the room says so, and the old session no longer counts.
    await revokeSession(db, session, realNow);
    await createSession(db, `${world}_seller-maya`, new Date(realNow.getTime() + 1000), "alice");
    const maya: SessionUser = { id: `${world}_seller-maya`, worldId: world, role: "SELLER", name: "Maya", shopId: `${world}_shop-maple`, shopName: null };
    expect((await runOrderCommand(db, maya, { orderId: aliceStart.value.orderId, command: { type: "APPROVE_CANCEL_REQUEST" } }, new Date(at.getTime() + 60_000))).ok).toBe(true);
    room = await trainingRoom(world, realNow);
    expect(alice()).toMatchObject({ persona: { name: "Maya Patel", role: "SELLER" }, run: { progress: { doneCount: 2, next: null } } });
    expect((await runsOfVisitor(world, "alice"))[0]?.orderId).toBe(aliceStart.value.orderId);
  });

  it("the CSV summary: who finished, the step others are on, and each step's minutes in real time, not the world's jumps", async () => {
    const scenario = scenarios().find((candidate) => candidate.id === "seller-silent")!;
    const trainerRun = await db.scenarioRun.findFirstOrThrow({ where: { worldId: world, scenarioId: "seller-silent", visitorId: "trainer" } });
    const start = await appTime(db, { now: () => realNow }, world);
    const ben: SessionUser = { id: `${world}_buyer-ben`, worldId: world, role: "BUYER", name: "Ben", shopId: null, shopName: null };
    // Two real minutes after the run started, the buyer asks; then the clock jumps a day and the platform approves.
    expect((await runOrderCommand(db, ben, { orderId: trainerRun.orderId, command: { type: "REQUEST_CANCEL", reasonKey: "better_price" } }, new Date(start.getTime() + 2 * 60_000))).ok).toBe(true);
    const due = (await db.deadline.findMany({ where: { orderId: trainerRun.orderId, resolvedAt: null } })).find((deadline) => parseDeadlineKey(deadline.kind)?.kind === "CANCEL_REQUEST_ANSWER")!;
    await advanceClock(db, due.dueAt, "test", null, { now: () => new Date(realNow.getTime() + 3 * 60_000) }, world);
    expect((await sweepDueDeadlines(db, due.dueAt, { worldId: world })).applied).toBeGreaterThan(0);
    const rows = summaryRows(await runsOfWorld(world, "seller-silent"), { header: ["scenario", "member", "started", "finished", "done", "next"], step: (n) => `step ${n}`, yes: "yes", no: "no" }, (value) => value.en);
    expect(rows[0]).toEqual(["scenario", "member", "started", "finished", "done", "next", "step 1", "step 2"]);
    const trainer = rows.find((row) => row[1] === "Tess (trainer)")!;
    expect(trainer[0]).toBe(scenario.title.en);
    expect(trainer.slice(3, 6)).toEqual(["yes", 2, ""]);
    expect(trainer[6]).toBe(2);
    // The second step took the real minute between the question and the jump, not the world's day.
    expect(Number(trainer[7])).toBeLessThan(5);
    const alice = rows.find((row) => row[1] === "Alice")!;
    expect(alice.slice(3, 6)).toEqual(["no", 0, `1. ${scenario.steps[0]!.text.en}`]);
    // Without a scenario: every run of every scenario, as many step columns as the longest has.
    const all = summaryRows(await runsOfWorld(world, null), { header: ["scenario", "member", "started", "finished", "done", "next"], step: (n) => `step ${n}`, yes: "yes", no: "no" }, (value) => value.en);
    expect(new Set(all.slice(1).map((row) => row[0])).size).toBeGreaterThan(1);
    expect(all.length - 1).toBe(await db.scenarioRun.count({ where: { worldId: world } }));
  });

  it("a reset or a delete of the world takes its runs with its orders", async () => {
    expect(await db.scenarioRun.count({ where: { worldId: world } })).toBeGreaterThan(0);
    expect((await resetOwnWorld(db, { worldId: world, visitorId: "trainer" }, realNow)).ok).toBe(true);
    expect(await db.scenarioRun.count({ where: { worldId: world } })).toBe(0);
    expect((await startScenario(db, { worldId: world, visitorId: "alice", scenarioId: "lost-parcel", key: "afterreset0000000000" }, realNow)).ok).toBe(true);
    expect((await deleteOwnWorld(db, { worldId: world, visitorId: "trainer" })).ok).toBe(true);
    expect(await db.scenarioRun.count({ where: { worldId: world } })).toBe(0);
  });
});
