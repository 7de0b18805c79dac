-- The buyer's home by stage (issue 29): each order's stage is stored, derived on every write like
-- "openWork", so one index serves a stage's list and the counts. It replaces the buyer's status and
-- open-work indexes, which only the old buyer table's filters used.

-- DropIndex
DROP INDEX "Order_buyerId_status_placedAt_id_idx";

-- DropIndex
DROP INDEX "Order_buyerId_openWork_placedAt_id_idx";

-- AlterTable (in place: the Order table may hold a million rows)
ALTER TABLE "Order" ADD COLUMN "buyerStage" TEXT DEFAULT 'TO_PAY';

-- Every order's stage as buyerStageOf (lib/order/buyer-stages.ts) says: an open return case or
-- dispute first, then the status; a completed order with nothing open has none.
UPDATE "Order" SET "buyerStage" = CASE
  WHEN "openWork" IN ('CASE', 'DISPUTE') THEN 'RETURNS'
  WHEN "status" = 'UNPAID' THEN 'TO_PAY'
  WHEN "status" IN ('ON_HOLD', 'AWAITING_SHIPMENT', 'AWAITING_COLLECTION') THEN 'TO_SHIP'
  WHEN "status" = 'IN_TRANSIT' THEN 'SHIPPED'
  WHEN "status" = 'DELIVERED' THEN 'TO_REVIEW'
  WHEN "status" = 'CANCELLED' THEN 'CANCELLED'
  ELSE NULL
END;

-- CreateIndex
CREATE INDEX "Order_buyerId_buyerStage_placedAt_id_idx" ON "Order"("buyerId", "buyerStage", "placedAt", "id");
