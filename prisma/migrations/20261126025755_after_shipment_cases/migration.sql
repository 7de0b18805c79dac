-- AlterTable
ALTER TABLE "Order" ADD COLUMN "deliveredAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "returnWindowEndsAt" DATETIME;

-- CreateTable
CREATE TABLE "ReturnCase" (
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
    "closedAt" DATETIME,
    CONSTRAINT "ReturnCase_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Refund" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "itemsMinor" INTEGER NOT NULL,
    "shippingMinor" INTEGER NOT NULL,
    "postageDeductedMinor" INTEGER NOT NULL DEFAULT 0,
    "totalMinor" INTEGER NOT NULL,
    "destination" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "expectedArrivalAt" DATETIME NOT NULL,
    "arrivedAt" DATETIME,
    "delayedAt" DATETIME,
    "overdueAt" DATETIME,
    CONSTRAINT "Refund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Refund" ("arrivedAt", "createdAt", "currency", "destination", "expectedArrivalAt", "id", "idempotencyKey", "itemsMinor", "orderId", "shippingMinor", "status", "totalMinor") SELECT "arrivedAt", "createdAt", "currency", "destination", "expectedArrivalAt", "id", "idempotencyKey", "itemsMinor", "orderId", "shippingMinor", "status", "totalMinor" FROM "Refund";
DROP TABLE "Refund";
ALTER TABLE "new_Refund" RENAME TO "Refund";
CREATE UNIQUE INDEX "Refund_idempotencyKey_key" ON "Refund"("idempotencyKey");
CREATE INDEX "Refund_orderId_idx" ON "Refund"("orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ReturnCase_orderId_openedAt_idx" ON "ReturnCase"("orderId", "openedAt");

-- CreateIndex
CREATE INDEX "ReturnCase_status_idx" ON "ReturnCase"("status");
