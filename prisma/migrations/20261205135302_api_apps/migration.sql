-- CreateTable
CREATE TABLE "ApiApp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "worldId" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "appKey" TEXT NOT NULL,
    "appSecret" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "ApiCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "valueHash" TEXT NOT NULL,
    "pairId" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiApp_appKey_key" ON "ApiApp"("appKey");

-- CreateIndex
CREATE INDEX "ApiApp_shopId_createdAt_idx" ON "ApiApp"("shopId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiCredential_valueHash_key" ON "ApiCredential"("valueHash");

-- CreateIndex
CREATE INDEX "ApiCredential_appId_kind_idx" ON "ApiCredential"("appId", "kind");
