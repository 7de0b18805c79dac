-- DropIndex
DROP INDEX "Deadline_resolvedAt_dueAt_id_idx";

-- DropIndex
DROP INDEX "Deadline_orderId_resolvedAt_dueAt_idx";

-- DropIndex
DROP INDEX "Deadline_resolvedAt_shopId_dueAt_id_idx";

-- DropIndex
DROP INDEX "Deadline_resolvedAt_worldId_dueAt_id_idx";

-- DropIndex
DROP INDEX "Deadline_resolvedAt_buyerId_dueAt_id_idx";

-- DropIndex
DROP INDEX "Deadline_resolvedAt_shopId_kind_dueAt_id_idx";

-- CreateIndex
CREATE INDEX "Deadline_dueAt_id_idx" ON "Deadline"("dueAt", "id") WHERE "resolvedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Deadline_shopId_dueAt_id_idx" ON "Deadline"("shopId", "dueAt", "id") WHERE "resolvedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Deadline_worldId_dueAt_id_idx" ON "Deadline"("worldId", "dueAt", "id") WHERE "resolvedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Deadline_buyerId_dueAt_id_idx" ON "Deadline"("buyerId", "dueAt", "id") WHERE "resolvedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Deadline_shopId_kind_dueAt_id_idx" ON "Deadline"("shopId", "kind", "dueAt", "id") WHERE "resolvedAt" IS NULL;
