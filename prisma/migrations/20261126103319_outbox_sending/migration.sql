-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'SENDING';
