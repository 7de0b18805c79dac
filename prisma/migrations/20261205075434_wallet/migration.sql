-- The buyer's platform wallet (issue 29, docs/decisions/022-wallet.md): ledger account
-- `wallet:<buyerId>`, apart from the buyer's card and PayPal money (`buyer:<id>`).

-- DropIndex
DROP INDEX "LedgerEntry_account_idx";

-- CreateIndex: a wallet's balance and its history, newest first.
CREATE INDEX "LedgerEntry_account_at_id_idx" ON "LedgerEntry"("account", "at", "id");

-- Postings made before the wallet had an account of its own named it `buyer:<id>`. The ledger is
-- append-only at run time; this one-time reclassification names the account the money really moved
-- through (payments, refunds and Buyer Protection refunds of orders paid from the wallet, and every
-- remedy, which support always pays to the wallet). Amounts, kinds and times are unchanged.
DROP TRIGGER "LedgerEntry_no_update";
UPDATE "LedgerEntry" SET "account" = 'wallet:' || substr("account", 7)
WHERE "account" LIKE 'buyer:%'
  AND ("kind" = 'REMEDY' OR ("kind" IN ('PAYMENT', 'REFUND', 'PROTECTION_REFUND') AND "orderId" IN (SELECT "id" FROM "Order" WHERE "paymentMethod" = 'WALLET')));
CREATE TRIGGER "LedgerEntry_no_update" BEFORE UPDATE ON "LedgerEntry" BEGIN SELECT RAISE(ABORT, 'LedgerEntry is append-only'); END;

-- Every buyer's wallet opens with the balance a fresh world gives it (WALLET_OPENING_MINOR in
-- lib/order/wallet.ts), moved in from their own money when they joined.
INSERT INTO "LedgerEntry" ("id", "transactionId", "orderId", "account", "amountMinor", "currency", "kind", "at")
SELECT 'opening-' || "id" || '-out', 'opening-' || "id", NULL, 'buyer:' || "id", -250000, 'USD', 'TOP_UP', "createdAt" FROM "User" WHERE "role" = 'BUYER';
INSERT INTO "LedgerEntry" ("id", "transactionId", "orderId", "account", "amountMinor", "currency", "kind", "at")
SELECT 'opening-' || "id" || '-in', 'opening-' || "id", NULL, 'wallet:' || "id", 250000, 'USD', 'TOP_UP', "createdAt" FROM "User" WHERE "role" = 'BUYER';
