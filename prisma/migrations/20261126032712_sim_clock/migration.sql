-- CreateTable
CREATE TABLE "SimClock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "aheadMs" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ClockJump" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromAt" DATETIME NOT NULL,
    "toAt" DATETIME NOT NULL,
    "byUserId" TEXT,
    "reason" TEXT NOT NULL,
    "realAt" DATETIME NOT NULL
);
