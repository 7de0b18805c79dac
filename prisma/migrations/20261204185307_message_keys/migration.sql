-- AlterTable
ALTER TABLE "OrderEvent" ADD COLUMN "message" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN "message" TEXT;
