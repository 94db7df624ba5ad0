-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'HELD';
