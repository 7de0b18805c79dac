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

-- The demo world's buyers (and their copies in private worlds, "<world>_buyer-…") get the saved
-- address a fresh seed gives them, so a database seeded before checkout existed can check out too.
INSERT INTO "Address" ("id", "userId", "name", "line1", "line2", "city", "region", "postalCode", "country", "createdAt")
SELECT 'address-' || u."id", u."id", a."name", a."line1", a."line2", a."city", a."region", a."postalCode", a."country", u."createdAt"
FROM (
  SELECT 'buyer-ava' AS "base", 'Ava Thompson' AS "name", '1200 Pine Street' AS "line1", 'Apt 4B' AS "line2", 'Seattle' AS "city", 'WA' AS "region", '98101' AS "postalCode", 'US' AS "country"
  UNION ALL SELECT 'buyer-ben', 'Ben Okafor', '88 Mission Street', '', 'San Francisco', 'CA', '94105', 'US'
  UNION ALL SELECT 'buyer-chloe', 'Chloe Martin', '410 Congress Avenue', '', 'Austin', 'TX', '78701', 'US'
  UNION ALL SELECT 'buyer-diego', 'Diego Alvarez', '2300 Biscayne Boulevard', 'Unit 12', 'Miami', 'FL', '33137', 'US'
  UNION ALL SELECT 'buyer-emma', 'Emma Schulz', '15 Beacon Street', '', 'Boston', 'MA', '02108', 'US'
  UNION ALL SELECT 'buyer-farah', 'Farah Haddad', 'No. 7, Section 5, Xinyi Road', '', 'Taipei', '', '110', 'TW'
) a
JOIN "User" u ON u."role" = 'BUYER' AND (u."id" = a."base" OR u."id" LIKE '%\_' || a."base" ESCAPE '\');

-- Chloe pays from the wallet or by card: she has no PayPal (checkout refuses a method a buyer does not have).
UPDATE "User" SET "paymentMethods" = 'WALLET,CARD' WHERE "role" = 'BUYER' AND ("id" = 'buyer-chloe' OR "id" LIKE '%\_buyer-chloe' ESCAPE '\');
