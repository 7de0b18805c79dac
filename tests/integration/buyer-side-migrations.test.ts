/**
 * Issue 29's migrations, each applied to a database written before it.
 *
 * The wallet: before the wallet had a ledger account of its own, a wallet payment and its refunds were
 * posted to `buyer:<id>` and no wallet had an opening balance. The migration 20261205075434_wallet
 * names the account the money moved through and opens every buyer's wallet. This test takes a seeded
 * demo world and a private copy, puts their ledger back as it was before, applies the migration, and
 * expects exactly the ledger a fresh seed writes today — with db:check clean and the ledger append-only again.
 *
 * The buyer's stage: the migration 20261205082318_buyer_stage stores each order's stage; from a
 * database without the column it writes exactly what the engine derives.
 */
import Database from "better-sqlite3";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkOrders } from "@/lib/server/checks/check-orders";
import { db } from "@/lib/server/db";
import { seedDemoWorld } from "@/lib/server/demo/seed-world";
import { createWorld } from "@/lib/server/worlds/create-world";
import { inEnglish } from "../support/order-state";

const MIGRATION = resolve(import.meta.dirname, "../../prisma/migrations/20261205075434_wallet/migration.sql");
const BUYER_STAGE = resolve(import.meta.dirname, "../../prisma/migrations/20261205082318_buyer_stage/migration.sql");
const file = process.env.DATABASE_URL!.replace(/^file:/, "");

const ledger = (handle: Database.Database) => JSON.stringify(handle.prepare(`SELECT * FROM "LedgerEntry" ORDER BY "id"`).raw().all());
const indexes = (handle: Database.Database) => (handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'LedgerEntry' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);

/** The ledger and its indexes as they were before the wallet: wallet postings on the buyer's account, no openings. */
function asBeforeTheWallet(handle: Database.Database): void {
  handle.transaction(() => {
    handle.exec(`DROP TRIGGER "LedgerEntry_no_update"; DROP TRIGGER "LedgerEntry_no_delete";`);
    handle.exec(`DELETE FROM "LedgerEntry" WHERE "orderId" IS NULL`);
    handle.exec(`UPDATE "LedgerEntry" SET "account" = 'buyer:' || substr("account", 8) WHERE "account" LIKE 'wallet:%'`);
    handle.exec(`CREATE TRIGGER "LedgerEntry_no_update" BEFORE UPDATE ON "LedgerEntry" BEGIN SELECT RAISE(ABORT, 'LedgerEntry is append-only'); END;`);
    handle.exec(`CREATE TRIGGER "LedgerEntry_no_delete" BEFORE DELETE ON "LedgerEntry" BEGIN SELECT RAISE(ABORT, 'LedgerEntry is append-only'); END;`);
    handle.exec(`DROP INDEX "LedgerEntry_account_at_id_idx"; CREATE INDEX "LedgerEntry_account_idx" ON "LedgerEntry"("account");`);
  })();
}

beforeAll(async () => {
  await seedDemoWorld(db, new Date());
  const created = await createWorld(db, { visitorId: "visitor-owner", name: "Before the wallet", ownerName: "Dana", template: "DEMO_COPY" }, new Date());
  if (!created.ok) throw new Error(created.error.message.key);
}, 120_000);

describe("a database written before the wallet had an account of its own", () => {
  it("is brought by the migration to exactly the ledger a seed writes today, in every world", async () => {
    const handle = new Database(file);
    try {
      const today = ledger(handle);
      const wallets = handle.prepare(`SELECT COUNT(*) AS n FROM "LedgerEntry" WHERE "account" LIKE 'wallet:%' AND "orderId" IS NOT NULL`).get() as { n: number };
      expect(wallets.n).toBeGreaterThan(20);
      asBeforeTheWallet(handle);
      expect(ledger(handle)).not.toBe(today);
      expect(indexes(handle)).toContain("LedgerEntry_account_idx");

      handle.exec(readFileSync(MIGRATION, "utf8"));
      expect(ledger(handle)).toBe(today);
      expect(indexes(handle)).toEqual(expect.arrayContaining(["LedgerEntry_account_at_id_idx"]));
      expect(indexes(handle)).not.toContain("LedgerEntry_account_idx");
      // Every world's ledger still sums to zero, and it is append-only again.
      expect((handle.prepare(`SELECT SUM("amountMinor") AS s FROM "LedgerEntry"`).get() as { s: number }).s).toBe(0);
      expect(() => handle.prepare(`UPDATE "LedgerEntry" SET "amountMinor" = 0 WHERE rowid = (SELECT min(rowid) FROM "LedgerEntry")`).run()).toThrow(/append-only/);
    } finally {
      handle.close();
    }
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  }, 60_000);
});

describe("a database written before orders had a buyer's stage", () => {
  it("gets every order's stage as the engine derives it, under one index that replaces two", async () => {
    const handle = new Database(file);
    const orders = () => JSON.stringify(handle.prepare(`SELECT "id", "buyerStage" FROM "Order" ORDER BY "id"`).raw().all());
    const orderIndexes = () => (handle.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Order' AND name LIKE 'Order_buyerId_%' ORDER BY name`).all() as { name: string }[]).map((row) => row.name);
    try {
      const today = orders();
      const stages = handle.prepare(`SELECT "buyerStage", COUNT(*) AS n FROM "Order" GROUP BY "buyerStage" ORDER BY "buyerStage"`).all() as { buyerStage: string | null; n: number }[];
      // The seed has orders in every stage, and completed ones in none.
      expect(stages.map((row) => row.buyerStage)).toEqual([null, "CANCELLED", "RETURNS", "SHIPPED", "TO_PAY", "TO_REVIEW", "TO_SHIP"]);
      const before = orderIndexes();
      handle.exec(`DROP INDEX "Order_buyerId_buyerStage_placedAt_id_idx"; ALTER TABLE "Order" DROP COLUMN "buyerStage";`);
      handle.exec(`CREATE INDEX "Order_buyerId_status_placedAt_id_idx" ON "Order"("buyerId", "status", "placedAt", "id"); CREATE INDEX "Order_buyerId_openWork_placedAt_id_idx" ON "Order"("buyerId", "openWork", "placedAt", "id");`);

      handle.exec(readFileSync(BUYER_STAGE, "utf8"));
      expect(orders()).toBe(today);
      expect(orderIndexes()).toEqual(before);
    } finally {
      handle.close();
    }
    expect(inEnglish(await checkOrders(db))).toEqual([]);
  }, 60_000);
});
