-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL DEFAULT 'demo',
    "name" TEXT NOT NULL,
    "policyProfile" TEXT NOT NULL DEFAULT 'US',
    "autoApproveWindow" TEXT NOT NULL DEFAULT 'OFF',
    "returnAddress" TEXT NOT NULL DEFAULT '',
    "changeOfMindFeeMinor" INTEGER NOT NULL DEFAULT 0,
    "autoRefundUpToMinor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("autoApproveWindow", "changeOfMindFeeMinor", "createdAt", "id", "name", "policyProfile", "returnAddress", "worldId") SELECT "autoApproveWindow", "changeOfMindFeeMinor", "createdAt", "id", "name", "policyProfile", "returnAddress", "worldId" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL DEFAULT 'demo',
    "code" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "policyProfile" TEXT NOT NULL,
    "autoApproveWindow" TEXT NOT NULL DEFAULT 'OFF',
    "changeOfMindFeeMinor" INTEGER NOT NULL DEFAULT 0,
    "autoRefundUpToMinor" INTEGER NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL,
    "itemsMinor" INTEGER NOT NULL,
    "shippingFeeMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "paymentMethod" TEXT NOT NULL,
    "placedAt" DATETIME NOT NULL,
    "paidAt" DATETIME,
    "remorseEndsAt" DATETIME,
    "awaitingShipmentAt" DATETIME,
    "dispatchDueAt" DATETIME,
    "arrangedAt" DATETIME,
    "pickedUpAt" DATETIME,
    "lateDispatch" BOOLEAN NOT NULL DEFAULT false,
    "deliveredAt" DATETIME,
    "returnWindowEndsAt" DATETIME,
    "cancelReasonKey" TEXT,
    "cancelledByRole" TEXT,
    "cancelledById" TEXT,
    "cancelledAt" DATETIME,
    "faultParty" TEXT,
    "openWork" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("arrangedAt", "autoApproveWindow", "awaitingShipmentAt", "buyerId", "cancelReasonKey", "cancelledAt", "cancelledById", "cancelledByRole", "changeOfMindFeeMinor", "code", "currency", "deliveredAt", "dispatchDueAt", "faultParty", "id", "itemsMinor", "lateDispatch", "openWork", "paidAt", "paymentMethod", "pickedUpAt", "placedAt", "policyProfile", "remorseEndsAt", "returnWindowEndsAt", "shippingFeeMinor", "shopId", "status", "totalMinor", "updatedAt", "version", "worldId") SELECT "arrangedAt", "autoApproveWindow", "awaitingShipmentAt", "buyerId", "cancelReasonKey", "cancelledAt", "cancelledById", "cancelledByRole", "changeOfMindFeeMinor", "code", "currency", "deliveredAt", "dispatchDueAt", "faultParty", "id", "itemsMinor", "lateDispatch", "openWork", "paidAt", "paymentMethod", "pickedUpAt", "placedAt", "policyProfile", "remorseEndsAt", "returnWindowEndsAt", "shippingFeeMinor", "shopId", "status", "totalMinor", "updatedAt", "version", "worldId" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_buyerId_placedAt_id_idx" ON "Order"("buyerId", "placedAt", "id");
CREATE INDEX "Order_shopId_placedAt_id_idx" ON "Order"("shopId", "placedAt", "id");
CREATE INDEX "Order_shopId_status_placedAt_id_idx" ON "Order"("shopId", "status", "placedAt", "id");
CREATE INDEX "Order_buyerId_status_placedAt_id_idx" ON "Order"("buyerId", "status", "placedAt", "id");
CREATE INDEX "Order_worldId_status_placedAt_id_idx" ON "Order"("worldId", "status", "placedAt", "id");
CREATE INDEX "Order_worldId_openWork_placedAt_id_idx" ON "Order"("worldId", "openWork", "placedAt", "id");
CREATE INDEX "Order_shopId_openWork_placedAt_id_idx" ON "Order"("shopId", "openWork", "placedAt", "id");
CREATE INDEX "Order_buyerId_openWork_placedAt_id_idx" ON "Order"("buyerId", "openWork", "placedAt", "id");
CREATE INDEX "Order_worldId_placedAt_id_idx" ON "Order"("worldId", "placedAt", "id");
CREATE INDEX "Order_shopId_paidAt_idx" ON "Order"("shopId", "paidAt");
CREATE INDEX "Order_shopId_cancelledAt_idx" ON "Order"("shopId", "cancelledAt");
CREATE INDEX "Order_shopId_pickedUpAt_lateDispatch_idx" ON "Order"("shopId", "pickedUpAt", "lateDispatch");
CREATE INDEX "Order_shopId_deliveredAt_idx" ON "Order"("shopId", "deliveredAt");
CREATE UNIQUE INDEX "Order_worldId_code_key" ON "Order"("worldId", "code");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "CancelRequest_resolvedAt_idx" ON "CancelRequest"("resolvedAt");

-- CreateIndex
CREATE INDEX "ReturnCase_openedAt_idx" ON "ReturnCase"("openedAt");

-- CreateIndex
CREATE INDEX "Dispute_decidedAt_idx" ON "Dispute"("decidedAt");

-- CreateIndex
CREATE INDEX "Refund_createdAt_idx" ON "Refund"("createdAt");
