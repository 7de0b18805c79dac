-- CreateTable
CREATE TABLE "RationaleTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "RationaleTemplate_worldId_title_idx" ON "RationaleTemplate"("worldId", "title");
