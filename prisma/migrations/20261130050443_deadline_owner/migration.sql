-- AlterTable
ALTER TABLE "Deadline" ADD COLUMN "buyerId" TEXT;
ALTER TABLE "Deadline" ADD COLUMN "shopId" TEXT;

-- CreateIndex
CREATE INDEX "Deadline_resolvedAt_shopId_dueAt_id_idx" ON "Deadline"("resolvedAt", "shopId", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Deadline_resolvedAt_buyerId_dueAt_id_idx" ON "Deadline"("resolvedAt", "buyerId", "dueAt", "id");

-- Backfill: each open or closed deadline gets its order's shop and buyer.
UPDATE "Deadline" SET
  "shopId" = (SELECT o."shopId" FROM "Order" o WHERE o."id" = "Deadline"."orderId"),
  "buyerId" = (SELECT o."buyerId" FROM "Order" o WHERE o."id" = "Deadline"."orderId");
