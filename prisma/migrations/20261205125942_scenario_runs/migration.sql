-- AlterTable
ALTER TABLE "Session" ADD COLUMN "visitorId" TEXT;

-- CreateTable
CREATE TABLE "ScenarioRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRun_orderId_key" ON "ScenarioRun"("orderId");

-- CreateIndex
CREATE INDEX "ScenarioRun_worldId_visitorId_startedAt_idx" ON "ScenarioRun"("worldId", "visitorId", "startedAt");

-- CreateIndex
CREATE INDEX "Session_visitorId_createdAt_idx" ON "Session"("visitorId", "createdAt");
