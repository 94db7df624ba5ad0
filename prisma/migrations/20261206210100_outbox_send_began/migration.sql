-- AlterTable
ALTER TABLE "outbox_messages" ADD COLUMN     "send_began_at" TIMESTAMP(3);
