-- DropIndex
DROP INDEX "Order_code_key";

-- CreateTable
CREATE TABLE "WorldMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL,
    "visitorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "joinedAt" DATETIME NOT NULL,
    CONSTRAINT "WorldMember_worldId_fkey" FOREIGN KEY ("worldId") REFERENCES "World" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_World" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'DEMO',
    "ownerId" TEXT,
    "template" TEXT NOT NULL DEFAULT 'DEMO_COPY',
    "joinToken" TEXT,
    "aheadMs" BIGINT NOT NULL DEFAULT 0,
    "clockUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "lastActiveAt" DATETIME NOT NULL
);
INSERT INTO "new_World" ("aheadMs", "clockUpdatedAt", "createdAt", "id", "kind", "lastActiveAt", "name", "ownerId") SELECT "aheadMs", "clockUpdatedAt", "createdAt", "id", "kind", "lastActiveAt", "name", "ownerId" FROM "World";
DROP TABLE "World";
ALTER TABLE "new_World" RENAME TO "World";
CREATE UNIQUE INDEX "World_joinToken_key" ON "World"("joinToken");
CREATE INDEX "World_kind_lastActiveAt_idx" ON "World"("kind", "lastActiveAt");
CREATE INDEX "World_ownerId_createdAt_idx" ON "World"("ownerId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WorldMember_visitorId_joinedAt_idx" ON "WorldMember"("visitorId", "joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "WorldMember_worldId_visitorId_key" ON "WorldMember"("worldId", "visitorId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_worldId_code_key" ON "Order"("worldId", "code");
