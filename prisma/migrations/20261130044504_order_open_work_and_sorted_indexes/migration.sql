-- DropIndex
DROP INDEX "Deadline_resolvedAt_dueAt_idx";

-- DropIndex
DROP INDEX "Notification_shopId_createdAt_idx";

-- DropIndex
DROP INDEX "Notification_userId_createdAt_idx";

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "openWork" TEXT;

-- Backfill: what each existing order waits on, most urgent first (openWorkOf in lib/order/open-work.ts).
UPDATE "Order" SET "openWork" = CASE
  WHEN EXISTS (SELECT 1 FROM "Dispute" d WHERE d."orderId" = "Order"."id" AND d."status" IN ('OPEN', 'APPEALED')) THEN 'DISPUTE'
  WHEN EXISTS (SELECT 1 FROM "ReturnCase" c WHERE c."orderId" = "Order"."id" AND c."status" NOT IN ('REFUNDED', 'CLOSED')
               AND c."openedAt" = (SELECT max(c2."openedAt") FROM "ReturnCase" c2 WHERE c2."orderId" = "Order"."id")) THEN 'CASE'
  WHEN EXISTS (SELECT 1 FROM "CancelRequest" r WHERE r."orderId" = "Order"."id" AND r."status" = 'PENDING') THEN 'CANCEL_REQUEST'
  ELSE NULL
END;

-- CreateIndex
CREATE INDEX "Order_openWork_placedAt_id_idx" ON "Order"("openWork", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_shopId_openWork_placedAt_id_idx" ON "Order"("shopId", "openWork", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_buyerId_openWork_placedAt_id_idx" ON "Order"("buyerId", "openWork", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Deadline_resolvedAt_dueAt_id_idx" ON "Deadline"("resolvedAt", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Notification_shopId_createdAt_id_idx" ON "Notification"("shopId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt", "id");
