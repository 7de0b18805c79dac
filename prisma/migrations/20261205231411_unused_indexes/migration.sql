-- DropIndex
DROP INDEX "Evidence_sha256_idx";

-- DropIndex
DROP INDEX "CancelRequest_status_idx";

-- DropIndex
DROP INDEX "ReturnCase_status_idx";

-- DropIndex
DROP INDEX "Dispute_status_openedAt_idx";
