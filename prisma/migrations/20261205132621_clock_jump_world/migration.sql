-- CreateIndex
CREATE INDEX "ClockJump_worldId_toAt_idx" ON "ClockJump"("worldId", "toAt");
