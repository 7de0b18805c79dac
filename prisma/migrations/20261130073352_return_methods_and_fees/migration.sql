-- Issue 13: US return methods and the shop's change-of-mind return fee.
-- Added in place (no table rebuild), so an existing database of any size migrates in a moment.
ALTER TABLE "ReturnCase" ADD COLUMN "returnMethod" TEXT;
ALTER TABLE "Shop" ADD COLUMN "changeOfMindFeeMinor" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Order" ADD COLUMN "changeOfMindFeeMinor" INTEGER NOT NULL DEFAULT 0;
