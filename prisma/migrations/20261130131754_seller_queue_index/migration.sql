-- CreateIndex
CREATE INDEX "Deadline_resolvedAt_shopId_kind_dueAt_id_idx" ON "Deadline"("resolvedAt", "shopId", "kind", "dueAt", "id");
