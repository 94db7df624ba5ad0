-- AlterTable
ALTER TABLE "members" ADD COLUMN     "left_on" DATE;
