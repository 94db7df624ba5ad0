-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'DROPPED';
