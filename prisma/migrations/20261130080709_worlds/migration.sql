-- Issue 14, step 2: every world-level row names its world; the demo world is "demo".
-- Added in place (no table rebuild): existing rows belong to the demo world.
CREATE TABLE "World" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'DEMO',
    "ownerId" TEXT,
    "createdAt" DATETIME NOT NULL,
    "lastActiveAt" DATETIME NOT NULL
);
INSERT INTO "World" ("id", "name", "kind", "createdAt", "lastActiveAt")
  VALUES ('demo', 'The demo world', 'DEMO', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'));

ALTER TABLE "User" ADD COLUMN "worldId" TEXT NOT NULL DEFAULT 'demo';
ALTER TABLE "Shop" ADD COLUMN "worldId" TEXT NOT NULL DEFAULT 'demo';
ALTER TABLE "Order" ADD COLUMN "worldId" TEXT NOT NULL DEFAULT 'demo';
ALTER TABLE "Deadline" ADD COLUMN "worldId" TEXT NOT NULL DEFAULT 'demo';

-- Lists and queues that are not a shop's or a buyer's lead with the world.
DROP INDEX "Order_status_placedAt_id_idx";
DROP INDEX "Order_openWork_placedAt_id_idx";
DROP INDEX "Order_placedAt_id_idx";
CREATE INDEX "Order_worldId_status_placedAt_id_idx" ON "Order"("worldId", "status", "placedAt", "id");
CREATE INDEX "Order_worldId_openWork_placedAt_id_idx" ON "Order"("worldId", "openWork", "placedAt", "id");
CREATE INDEX "Order_worldId_placedAt_id_idx" ON "Order"("worldId", "placedAt", "id");
CREATE INDEX "Deadline_resolvedAt_worldId_dueAt_id_idx" ON "Deadline"("resolvedAt", "worldId", "dueAt", "id");
