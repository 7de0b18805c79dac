/**
 * "Reset demo world" is atomic (issue 14, point 3): whatever runs at the same time — clock jumps,
 * people's commands, the sweep — or a kill -9 in the middle, the database holds either the complete
 * old world or the complete new one, never a partial one. RESET_RACE_ROUNDS=50 runs the race longer.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { removeScratchWorlds, resetWorld } from "@/lib/server/demo/reset-world";
import { cancelOrder } from "@/lib/server/orders/cancel-order";
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

async function expectCompleteWorld(target: Db) {
  expect(await target.order.count()).toBe(worldSize);
  expect(await target.user.count()).toBeGreaterThan(10);
  expect(await checkOrders(target)).toEqual([]);
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
      for (const order of onHold) {
        others.push(cancelOrder({ id: order.buyerId, role: "BUYER", name: "Buyer", shopId: null, shopName: null }, { orderId: order.id, expectedVersion: order.version, reasonKey: "other" }, new Date(Date.now() + (await readOffsetMs(db)))));
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
      expect([...seen]).toEqual([worldSize]);
      await expectCompleteWorld(db);
    }
    // The scratch databases are gone.
    expect(readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.reset-`))).toEqual([]);
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
    expect(readdirSync(dirname(file)).filter((name) => name.startsWith(`${basename(file)}.reset-`))).toEqual([]);
    expect(existsSync(file)).toBe(true);
  }, 60_000);
});
