-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "buyerId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "policyProfile" TEXT NOT NULL,
    "autoApproveWindow" TEXT NOT NULL DEFAULT 'OFF',
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
    "cancelReasonKey" TEXT,
    "cancelledByRole" TEXT,
    "cancelledById" TEXT,
    "cancelledAt" DATETIME,
    "faultParty" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Order_buyerId_fkey" FOREIGN KEY ("buyerId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Order_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Order" ("arrangedAt", "awaitingShipmentAt", "buyerId", "cancelReasonKey", "cancelledAt", "cancelledById", "cancelledByRole", "code", "currency", "dispatchDueAt", "faultParty", "id", "itemsMinor", "lateDispatch", "paidAt", "paymentMethod", "pickedUpAt", "placedAt", "policyProfile", "remorseEndsAt", "shippingFeeMinor", "shopId", "status", "totalMinor", "updatedAt", "version") SELECT "arrangedAt", "awaitingShipmentAt", "buyerId", "cancelReasonKey", "cancelledAt", "cancelledById", "cancelledByRole", "code", "currency", "dispatchDueAt", "faultParty", "id", "itemsMinor", "lateDispatch", "paidAt", "paymentMethod", "pickedUpAt", "placedAt", "policyProfile", "remorseEndsAt", "shippingFeeMinor", "shopId", "status", "totalMinor", "updatedAt", "version" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE UNIQUE INDEX "Order_code_key" ON "Order"("code");
CREATE INDEX "Order_buyerId_placedAt_idx" ON "Order"("buyerId", "placedAt");
CREATE INDEX "Order_shopId_placedAt_idx" ON "Order"("shopId", "placedAt");
CREATE INDEX "Order_status_idx" ON "Order"("status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
