-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('SCHOOL', 'ENTERPRISE', 'STREET', 'GOVERNMENT', 'MILITARY', 'COMMITTEE', 'OTHER');

-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "dues_payments" DROP COLUMN "proof_ref",
ADD COLUMN     "proof_image_id" INTEGER;

-- AlterTable
ALTER TABLE "members" ADD COLUMN     "dues_reminded_at" TIMESTAMP(3),
ADD COLUMN     "last_org_life_at" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "graduates_on" DATE,
ADD COLUMN     "kind" "OrgKind" NOT NULL DEFAULT 'OTHER',
ADD COLUMN     "pinyin" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "transfer_steps" ADD COLUMN     "claimed_level" INTEGER,
ADD COLUMN     "sla_stage" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "work_calendar_days" (
    "date" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "note" TEXT,

    CONSTRAINT "work_calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE INDEX "dues_payments_proof_image_id_idx" ON "dues_payments"("proof_image_id");

-- CreateIndex
CREATE INDEX "organisations_graduates_on_idx" ON "organisations"("graduates_on");

-- AddForeignKey
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_proof_image_id_fkey" FOREIGN KEY ("proof_image_id") REFERENCES "media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
