-- CreateEnum
CREATE TYPE "DuesChangeStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "dues_changes" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "status" "DuesChangeStatus" NOT NULL DEFAULT 'PENDING',
    "from_category" "DuesCategory" NOT NULL,
    "from_income_fen" INTEGER,
    "to_category" "DuesCategory" NOT NULL,
    "to_income_fen" INTEGER,
    "effective_month" INTEGER NOT NULL,
    "note" TEXT,
    "handled_by_id" INTEGER,
    "handled_at" TIMESTAMP(3),
    "reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dues_changes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dues_changes_member_id_status_idx" ON "dues_changes"("member_id", "status");

-- CreateIndex
CREATE INDEX "dues_changes_handled_by_id_idx" ON "dues_changes"("handled_by_id");

-- CreateIndex
CREATE INDEX "dues_changes_status_created_at_idx" ON "dues_changes"("status", "created_at");

-- AddForeignKey
ALTER TABLE "dues_changes" ADD CONSTRAINT "dues_changes_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dues_changes" ADD CONSTRAINT "dues_changes_handled_by_id_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;
