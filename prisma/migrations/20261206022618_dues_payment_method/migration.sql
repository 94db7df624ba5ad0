-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "dues_payment_method" TEXT;
