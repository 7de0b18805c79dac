-- Checkout (issue 29): a buyer's saved addresses, the payment methods a buyer has, and where an
-- order ships to. Columns are added in place (no table copy: the Order table may hold a million rows).

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "line1" TEXT NOT NULL,
    "line2" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "postalCode" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    CONSTRAINT "Address_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Address_userId_createdAt_idx" ON "Address"("userId", "createdAt");

-- AlterTable
ALTER TABLE "User" ADD COLUMN "paymentMethods" TEXT NOT NULL DEFAULT 'CARD,PAYPAL,WALLET';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "shipTo" TEXT NOT NULL DEFAULT '';
