-- CreateIndex
CREATE INDEX "Dispute_appealDecidedAt_idx" ON "Dispute"("appealDecidedAt");
