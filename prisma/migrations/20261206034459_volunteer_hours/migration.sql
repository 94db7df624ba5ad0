-- AlterTable
ALTER TABLE "activities" ADD COLUMN     "service_minutes" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "volunteer_credits" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "activity_id" INTEGER,
    "reason" TEXT,
    "entered_by_id" INTEGER,
    "credited_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "volunteer_credits_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "volunteer_credits_member_id_credited_at_idx" ON "volunteer_credits"("member_id", "credited_at");

-- CreateIndex
CREATE INDEX "volunteer_credits_activity_id_idx" ON "volunteer_credits"("activity_id");

-- CreateIndex
CREATE INDEX "volunteer_credits_entered_by_id_idx" ON "volunteer_credits"("entered_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "volunteer_credits_member_id_activity_id_key" ON "volunteer_credits"("member_id", "activity_id");

-- AddForeignKey
ALTER TABLE "volunteer_credits" ADD CONSTRAINT "volunteer_credits_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_credits" ADD CONSTRAINT "volunteer_credits_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "volunteer_credits" ADD CONSTRAINT "volunteer_credits_entered_by_id_fkey" FOREIGN KEY ("entered_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;
