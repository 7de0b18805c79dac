-- DropIndex
DROP INDEX "Order_buyerId_placedAt_idx";

-- DropIndex
DROP INDEX "Order_shopId_placedAt_idx";

-- DropIndex
DROP INDEX "Order_shopId_status_placedAt_idx";

-- DropIndex
DROP INDEX "Order_status_placedAt_idx";

-- DropIndex
DROP INDEX "LedgerEntry_orderId_idx";

-- CreateIndex
CREATE INDEX "Order_buyerId_placedAt_id_idx" ON "Order"("buyerId", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_shopId_placedAt_id_idx" ON "Order"("shopId", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_shopId_status_placedAt_id_idx" ON "Order"("shopId", "status", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_buyerId_status_placedAt_id_idx" ON "Order"("buyerId", "status", "placedAt", "id");

-- CreateIndex
CREATE INDEX "Order_status_placedAt_id_idx" ON "Order"("status", "placedAt", "id");

-- CreateIndex
CREATE INDEX "LedgerEntry_orderId_account_idx" ON "LedgerEntry"("orderId", "account");

-- CreateIndex
CREATE INDEX "Deadline_orderId_resolvedAt_dueAt_idx" ON "Deadline"("orderId", "resolvedAt", "dueAt");
