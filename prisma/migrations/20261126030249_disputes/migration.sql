-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "subjectRef" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "decideBy" DATETIME NOT NULL,
    "decisionOutcome" TEXT,
    "decisionAmountMinor" INTEGER,
    "returnRequired" BOOLEAN NOT NULL DEFAULT false,
    "decisionRationale" TEXT,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "appealStatement" TEXT,
    "appealedAt" DATETIME,
    "appealOutcome" TEXT,
    "appealRationale" TEXT,
    "appealDecidedById" TEXT,
    "appealDecidedAt" DATETIME,
    CONSTRAINT "Dispute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DisputeStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "disputeId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "photoCount" INTEGER NOT NULL DEFAULT 0,
    "at" DATETIME NOT NULL,
    CONSTRAINT "DisputeStatement_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReturnCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasonKey" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "photoCount" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME NOT NULL,
    "preDelivery" BOOLEAN NOT NULL DEFAULT false,
    "offerMinor" INTEGER,
    "carrier" TEXT,
    "trackingNumber" TEXT,
    "rejectReasonKey" TEXT,
    "refundMinor" INTEGER,
    "refundOnArrival" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" DATETIME,
    CONSTRAINT "ReturnCase_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReturnCase" ("carrier", "closedAt", "description", "id", "offerMinor", "openedAt", "orderId", "photoCount", "preDelivery", "reasonKey", "refundMinor", "rejectReasonKey", "status", "trackingNumber", "type") SELECT "carrier", "closedAt", "description", "id", "offerMinor", "openedAt", "orderId", "photoCount", "preDelivery", "reasonKey", "refundMinor", "rejectReasonKey", "status", "trackingNumber", "type" FROM "ReturnCase";
DROP TABLE "ReturnCase";
ALTER TABLE "new_ReturnCase" RENAME TO "ReturnCase";
CREATE INDEX "ReturnCase_orderId_openedAt_idx" ON "ReturnCase"("orderId", "openedAt");
CREATE INDEX "ReturnCase_status_idx" ON "ReturnCase"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Dispute_status_openedAt_idx" ON "Dispute"("status", "openedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Dispute_orderId_subject_subjectRef_key" ON "Dispute"("orderId", "subject", "subjectRef");

-- CreateIndex
CREATE INDEX "DisputeStatement_disputeId_at_idx" ON "DisputeStatement"("disputeId", "at");
