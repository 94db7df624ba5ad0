-- AlterTable
ALTER TABLE "transfer_requests" ADD COLUMN     "destination_name" TEXT;
