-- Issue 14, step 3: each world has its own clock (the demo world keeps the offset it had).
ALTER TABLE "World" ADD COLUMN "aheadMs" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "World" ADD COLUMN "clockUpdatedAt" DATETIME;
UPDATE "World" SET "aheadMs" = COALESCE((SELECT "aheadMs" FROM "SimClock" WHERE "id" = 1), 0),
                   "clockUpdatedAt" = (SELECT "updatedAt" FROM "SimClock" WHERE "id" = 1)
  WHERE "id" = 'demo';
DROP TABLE "SimClock";
ALTER TABLE "ClockJump" ADD COLUMN "worldId" TEXT NOT NULL DEFAULT 'demo';
