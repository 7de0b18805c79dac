-- AlterTable
ALTER TABLE "Order" ADD COLUMN "lastMessageAt" DATETIME;
ALTER TABLE "Order" ADD COLUMN "lastMessageById" TEXT;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN "messageId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChatMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orderId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorRole" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "photoCount" INTEGER NOT NULL DEFAULT 0,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ChatMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ChatMessage" ("at", "authorId", "authorRole", "body", "id", "orderId") SELECT "at", "authorId", "authorRole", "body", "id", "orderId" FROM "ChatMessage";
DROP TABLE "ChatMessage";
ALTER TABLE "new_ChatMessage" RENAME TO "ChatMessage";
CREATE INDEX "ChatMessage_orderId_at_idx" ON "ChatMessage"("orderId", "at");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Order_buyerId_updatedAt_idx" ON "Order"("buyerId", "updatedAt");

-- CreateIndex
CREATE INDEX "Order_shopId_updatedAt_idx" ON "Order"("shopId", "updatedAt");

-- CreateIndex
CREATE INDEX "Order_worldId_updatedAt_idx" ON "Order"("worldId", "updatedAt");

-- CreateIndex
CREATE INDEX "Order_buyerId_lastMessageAt_idx" ON "Order"("buyerId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "Order_shopId_lastMessageAt_idx" ON "Order"("shopId", "lastMessageAt");

-- CreateIndex
CREATE INDEX "Order_worldId_lastMessageAt_idx" ON "Order"("worldId", "lastMessageAt");

-- Conversations are append-only, like the audit trail (lib/server/append-only.ts).
CREATE TRIGGER "ChatMessage_no_update" BEFORE UPDATE ON "ChatMessage" BEGIN SELECT RAISE(ABORT, 'ChatMessage is append-only'); END;
CREATE TRIGGER "ChatMessage_no_delete" BEFORE DELETE ON "ChatMessage" BEGIN SELECT RAISE(ABORT, 'ChatMessage is append-only'); END;
