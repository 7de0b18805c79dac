/**
 * Requests share one writer connection. A statement sent outside a transaction while another
 * request's transaction is open must run after it, never inside it: a write must survive the other
 * transaction's rollback, and a read must not see rows that never commit. Page reads use a separate
 * read-only connection, which sees only what is committed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db, readDb } from "@/lib/server/db";
import { advanceClock, readOffsetMs } from "@/lib/server/timers/sim-clock";
import { writeTransaction } from "@/lib/server/prisma";
import { insertRow } from "@/lib/server/sqlite/sql-tx";

const HOUR = 3_600_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await advanceClock(db, new Date(Date.now() + HOUR), "+1 hour", null);
});

describe("one writer connection shared by concurrent requests", () => {
  it("a write issued while another request's transaction is open survives that transaction's rollback", async () => {
    const jumps = await db.clockJump.count();
    expect(jumps).toBeGreaterThan(0);
    let outside: Promise<unknown> | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.notification.create({ data: { kind: "TEST", title: "never committed", body: "", createdAt: new Date() } });
        // Another request writes now (a statement outside any transaction, like the sweep closing a stale
        // deadline); it must not join this transaction. (`then` sends it now: Prisma's queries are lazy.)
        outside = db.$executeRaw`UPDATE ClockJump SET reason = ${"written outside"}`.then((count) => count);
        await pause(50);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await outside;
    expect(await db.clockJump.count({ where: { reason: "written outside" } })).toBe(jumps);
    expect(await db.notification.count({ where: { title: "never committed" } })).toBe(0);
  });

  it("a read issued while another request's transaction is open does not see its uncommitted rows", async () => {
    const committed = await readOffsetMs(db);
    let outsideRead: Promise<number> | undefined;
    let readerSaw: number | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.world.update({ where: { id: "demo" }, data: { aheadMs: BigInt(committed + 99 * HOUR) } });
        outsideRead = readOffsetMs(db);
        readerSaw = await readOffsetMs(readDb);
        await pause(50);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await outsideRead).toBe(committed);
    expect(readerSaw).toBe(committed);
    expect(await readOffsetMs(db)).toBe(committed);
  });

  it("the read-only connection sees what the writer committed, and refuses to write", async () => {
    await advanceClock(db, new Date(Date.now() + 3 * HOUR), "+2 hours", null);
    expect(await readOffsetMs(readDb)).toBe(await readOffsetMs(db));
    await expect(readDb.clockJump.create({ data: { fromAt: new Date(), toAt: new Date(), byUserId: null, reason: "reader", realAt: new Date() } })).rejects.toThrow();
  });

  it("many writers at once: every plain write lands, in arrival order, between transactions", async () => {
    const before = await db.clockJump.count();
    const writes = Array.from({ length: 40 }, (_, i) =>
      i % 4 === 0
        ? db.$transaction(async (tx) => {
            await tx.clockJump.create({ data: { fromAt: new Date(), toAt: new Date(), byUserId: null, reason: `tx ${i}`, realAt: new Date() } });
            await pause(2);
          })
        : db.clockJump.create({ data: { fromAt: new Date(), toAt: new Date(), byUserId: null, reason: `plain ${i}`, realAt: new Date() } }),
    );
    await Promise.all(writes);
    expect(await db.clockJump.count()).toBe(before + 40);
  });
});

describe("the command path's group commit", () => {
  const jump = (reason: string) => ({ id: `gc-${reason}`, fromAt: new Date(), toAt: new Date(), byUserId: null, reason, realAt: new Date() });

  it("commands sent together share a commit, but one that throws loses only its own writes", async () => {
    const results = await Promise.allSettled(
      ["first", "refused", "third"].map((reason) =>
        writeTransaction(db, (sql) => {
          insertRow(sql, "ClockJump", jump(reason));
          if (reason === "refused") throw new Error("refused by the rules");
          return reason;
        }),
      ),
    );
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["first", "refused by the rules", "third"]);
    // The answers come after the commit: another connection already sees the writes.
    expect((await readDb.clockJump.findMany({ where: { id: { startsWith: "gc-" } }, orderBy: { reason: "asc" } })).map((j) => j.reason)).toEqual(["first", "third"]);
  });

  it("waits for a Prisma transaction that is open, never running inside it", async () => {
    const order: string[] = [];
    let command: Promise<void> | undefined;
    await db.$transaction(async (tx) => {
      await tx.clockJump.create({ data: jump("prisma-tx") });
      // A command arrives while this transaction is open and holds the writer.
      command = writeTransaction(db, (sql) => {
        order.push(`command saw ${sql.get<{ n: number }>(`SELECT COUNT(*) AS "n" FROM "ClockJump" WHERE "id" = ?`, "gc-prisma-tx")!.n}`);
      });
      await pause(20);
      order.push("prisma-tx commits");
    });
    await command;
    expect(order).toEqual(["prisma-tx commits", "command saw 1"]);
  });
});

describe("dates written by hand", () => {
  it("are stored as Prisma stores them, so a deadline due exactly now is due", async () => {
    const { storedDate } = await import("@/lib/server/orders/apply-decision");
    const at = new Date("2026-03-02T17:00:00.000Z");
    const byPrisma = await db.clockJump.create({ data: { fromAt: at, toAt: at, byUserId: null, reason: "format", realAt: at } });
    const rows = await db.$queryRaw<{ stored: string }[]>`SELECT CAST("fromAt" AS TEXT) AS stored FROM "ClockJump" WHERE "id" = ${byPrisma.id}`;
    expect(storedDate(at)).toBe(rows[0]!.stored);
    // Compared as Prisma compares it: the instant itself is "due by" itself.
    expect(await db.clockJump.count({ where: { id: byPrisma.id, fromAt: { lte: at } } })).toBe(1);
  });
});
