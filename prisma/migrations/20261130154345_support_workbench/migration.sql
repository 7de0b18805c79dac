-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Dispute" (
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
    "assigneeId" TEXT,
    "assignedAt" DATETIME,
    "infoParty" TEXT,
    "infoQuestion" TEXT,
    "infoAskedAt" DATETIME,
    "infoAnswerBy" DATETIME,
    "infoAnsweredAt" DATETIME,
    "worldId" TEXT NOT NULL,
    "queueKind" TEXT,
    "targetAt" DATETIME,
    CONSTRAINT "Dispute_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- Backfill: the derived queue columns as lib/order/support-queue.ts and supportTarget derive them
-- (support's target for an appeal: 48 hours after it, in both profiles; dates kept in the stored format).
INSERT INTO "new_Dispute" ("appealDecidedAt", "appealDecidedById", "appealOutcome", "appealRationale", "appealStatement", "appealedAt", "decideBy", "decidedAt", "decidedById", "decisionAmountMinor", "decisionOutcome", "decisionRationale", "id", "openedAt", "orderId", "refundedMinor", "returnRequired", "status", "subject", "subjectRef", "worldId", "queueKind", "targetAt")
SELECT d."appealDecidedAt", d."appealDecidedById", d."appealOutcome", d."appealRationale", d."appealStatement", d."appealedAt", d."decideBy", d."decidedAt", d."decidedById", d."decisionAmountMinor", d."decisionOutcome", d."decisionRationale", d."id", d."openedAt", d."orderId", d."refundedMinor", d."returnRequired", d."status", d."subject", d."subjectRef",
  (SELECT o."worldId" FROM "Order" o WHERE o."id" = d."orderId"),
  CASE
    WHEN d."status" = 'APPEALED' THEN 'APPEAL'
    WHEN d."status" <> 'OPEN' THEN NULL
    WHEN d."subject" = 'REFUND' THEN 'REFUND_OVERDUE'
    WHEN d."subject" = 'CANCEL_REQUEST' THEN 'CANCEL_REJECTED'
    WHEN (SELECT c."rejectReasonKey" FROM "ReturnCase" c WHERE c."id" = d."subjectRef") IN ('wrong_item_returned', 'damaged_by_buyer', 'parts_missing_on_return', 'empty_parcel') THEN 'PARCEL_REJECTED'
    ELSE 'REQUEST_REJECTED'
  END,
  CASE d."status"
    WHEN 'OPEN' THEN d."decideBy"
    WHEN 'APPEALED' THEN strftime('%Y-%m-%dT%H:%M:%f+00:00', d."appealedAt", '+48 hours')
    ELSE NULL
  END
FROM "Dispute" d;
DROP TABLE "Dispute";
ALTER TABLE "new_Dispute" RENAME TO "Dispute";
CREATE INDEX "Dispute_status_openedAt_idx" ON "Dispute"("status", "openedAt");
CREATE INDEX "Dispute_worldId_targetAt_id_idx" ON "Dispute"("worldId", "targetAt", "id");
CREATE INDEX "Dispute_worldId_queueKind_targetAt_id_idx" ON "Dispute"("worldId", "queueKind", "targetAt", "id");
CREATE INDEX "Dispute_decidedAt_idx" ON "Dispute"("decidedAt");
CREATE INDEX "Dispute_appealDecidedAt_idx" ON "Dispute"("appealDecidedAt");
CREATE UNIQUE INDEX "Dispute_orderId_subject_subjectRef_key" ON "Dispute"("orderId", "subject", "subjectRef");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
