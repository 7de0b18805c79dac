/**
 * "Reset demo world" is atomic (issue 14, point 3): whatever runs at the same time — clock jumps,
 * people's commands, the sweep — or a kill -9 in the middle, the database holds either the complete
 * old world or the complete new one, never a partial one. RESET_RACE_ROUNDS=50 runs the race longer.
 */
import { inEnglish } from "../support/order-state";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { removeScratchWorlds, resetWorld } from "@/lib/server/demo/reset-world";
import { runOrderCommand } from "@/lib/server/orders/run-order-command";
import { createWorld } from "@/lib/server/worlds/create-world";
import { resetOwnWorld } from "@/lib/server/worlds/manage-world";
import { createPrismaClient, createReadClient, type Db } from "@/lib/server/prisma";
import { advanceClock, readOffsetMs } from "@/lib/server/timers/sim-clock";
import { sweepDueDeadlines } from "@/lib/server/timers/sweep";

const root = resolve(import.meta.dirname, "../..");
const file = resolve(root, `data/test/reset-${process.pid}.db`);
copyFileSync(resolve(root, "data/test/template.db"), file);
const db: Db = createPrismaClient(`file:${file}`);
const reader: Db = createReadClient(`file:${file}`);
const ROUNDS = Number(process.env.RESET_RACE_ROUNDS ?? 3);
let worldSize = 0;

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  worldSize = await db.order.count();
});

afterAll(async () => {
  await db.$disconnect();
  await reader.$disconnect();
  for (const name of readdirSync(dirname(file))) if (name.startsWith(basename(file))) rmSync(resolve(dirname(file), name), { force: true });
});

/** The order's buyer cancels it, in its world, at that world's time. */
async function buyerCancels(order: { id: string; version: number; buyerId: string }, worldId: string) {
  const buyer = { id: order.buyerId, worldId, role: "BUYER" as const, name: "Buyer", shopId: null, shopName: null };
  const now = new Date(Date.now() + (await readOffsetMs(db, worldId)));
  return runOrderCommand(db, buyer, { orderId: order.id, expectedVersion: order.version, command: { type: "BUYER_CANCEL", reasonKey: "other" } }, now);
}

async function expectCompleteWorld(target: Db) {
  expect(await target.order.count()).toBe(worldSize);
  expect(await target.user.count()).toBeGreaterThan(10);
  expect(inEnglish(await checkOrders(target))).toEqual([]);
}

describe("reset demo world", () => {
  it(`never leaves a partial world, racing clock jumps, commands and the sweep (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const onHold = await db.order.findMany({ where: { status: "ON_HOLD" }, select: { id: true, version: true, buyerId: true } });
      const others: Promise<unknown>[] = [];
      const reset = resetWorld(db, new Date());
      for (let i = 0; i < 10; i++) {
        others.push(advanceClock(db, new Date(Date.now() + (i + 1) * 3_600_000 + (await readOffsetMs(db))), `race ${i}`, null));
        others.push(sweepDueDeadlines(db, new Date(Date.now() + (await readOffsetMs(db)))));
      }
      // On this test's own database (a service's default database is another file).
      for (const order of onHold) {
        others.push(buyerCancels(order, "demo"));
      }
      // Someone reading the whole time (another connection, like a page) sees only complete worlds.
      const seen = new Set<number>();
      let done = false;
      const watcher = (async () => {
        while (!done) {
          seen.add(await reader.order.count());
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      await Promise.allSettled([reset, ...others]);
      await reset;
      done = true;
      await watcher;
      expect(inEnglish([...seen])).toEqual([worldSize]);
      await expectCompleteWorld(db);
    }
    // The scratch databases are gone.
    expect(inEnglish(readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.reset-`)))).toEqual([]);
  }, 20_000 + ROUNDS * 5_000);

  it("a kill -9 at any moment of a reset leaves the old world or the new one, complete; the next start cleans up", async () => {
    for (const after of [150, 600, 1200, 2000]) {
      const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/reset-world.ts"], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: `file:${file}` },
        stdio: "ignore",
      });
      // Listened for at once: a reset may finish, and the child exit, before the kill comes.
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, after));
      child.kill("SIGKILL");
      await exited;
      const reopened = createPrismaClient(`file:${file}`);
      try {
        await expectCompleteWorld(reopened);
      } finally {
        await reopened.$disconnect();
      }
    }
    // The next start removes the scratch database an interrupted reset left behind.
    removeScratchWorlds(file);
    expect(inEnglish(readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.reset-`)))).toEqual([]);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});

describe("reset of a private world", () => {
  it(`by its owner, racing 50 clock jumps, the sweep and members' cancels, never leaves it partial, and leaves the demo world alone (${ROUNDS} rounds)`, async () => {
    const created = await createWorld(db, { visitorId: "race-owner", name: "Race room", ownerName: "Owner", template: "DEMO_COPY" }, new Date());
    if (!created.ok) throw new Error(created.error.message.key);
    const { worldId } = created.value;
    const size = await db.order.count({ where: { worldId } });
    expect(size).toBe(worldSize);
    const demo = { orders: await db.order.count({ where: { worldId: "demo" } }), offset: await readOffsetMs(db, "demo") };
    let cancelled = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const onHold = await db.order.findMany({ where: { worldId, status: "ON_HOLD" }, select: { id: true, version: true, buyerId: true } });
      // The members' cancels are sent first (before the jumps close their 1-hour windows), then the reset, then the jumps.
      const cancels = onHold.map((order) => buyerCancels(order, worldId));
      const others: Promise<unknown>[] = [];
      const reset = resetOwnWorld(db, { worldId, visitorId: "race-owner" }, new Date());
      for (let i = 0; i < 50; i++) {
        others.push(advanceClock(db, new Date(Date.now() + (i + 1) * 600_000 + (await readOffsetMs(db, worldId))), `race ${i}`, null, undefined, worldId));
        if (i % 10 === 0) others.push(sweepDueDeadlines(db, new Date(Date.now() + (await readOffsetMs(db, worldId))), { worldId }));
      }
      const seen = new Set<number>();
      let done = false;
      const watcher = (async () => {
        while (!done) {
          seen.add(await reader.order.count({ where: { worldId } }));
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      await Promise.allSettled([reset, ...others, ...cancels]);
      expect(inEnglish(await reset)).toMatchObject({ ok: true });
      cancelled += (await Promise.all(cancels)).filter((result) => result.ok).length;
      done = true;
      await watcher;
      expect(inEnglish([...seen])).toEqual([size]);
      const ids = (await db.order.findMany({ where: { worldId }, select: { id: true } })).map((order) => order.id);
      expect(ids).toHaveLength(size);
      expect(inEnglish(await checkOrders(db, ids))).toEqual([]);
      expect(await db.order.count({ where: { worldId: "demo" } })).toBe(demo.orders);
      expect(await readOffsetMs(db, "demo")).toBe(demo.offset);
    }
    // The members' commands did run against the world while it was being reset (some before, some after the swap).
    expect(cancelled).toBeGreaterThan(0);
  }, 30_000 + ROUNDS * 8_000);
});
