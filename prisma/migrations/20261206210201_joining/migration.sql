-- CreateEnum
CREATE TYPE "JoinStage" AS ENUM ('APPLIED', 'ACTIVIST', 'CANDIDATE', 'VOTED', 'APPROVED', 'ADMITTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "JoinStepKind" AS ENUM ('MARK_ACTIVIST', 'MARK_CANDIDATE', 'RECORD_MEETING', 'APPROVE', 'ENTER_CODE');

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "join_course_hours" INTEGER,
ADD COLUMN     "join_invite_code" TEXT,
ADD COLUMN     "join_training_months" INTEGER;

-- CreateTable
CREATE TABLE "join_applications" (
    "id" SERIAL NOT NULL,
    "org_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "phone_hash" TEXT NOT NULL,
    "phone_last4" TEXT NOT NULL,
    "id_hash" TEXT,
    "id_last4" TEXT,
    "birth_date" DATE,
    "identity_id" INTEGER,
    "stage" "JoinStage" NOT NULL DEFAULT 'APPLIED',
    "applied_at" TIMESTAMP(3),
    "activist_at" TIMESTAMP(3),
    "training_months" INTEGER,
    "course_hours_required" INTEGER,
    "course_hours" INTEGER NOT NULL DEFAULT 0,
    "candidate_at" TIMESTAMP(3),
    "meeting_due" INTEGER,
    "meeting_present" INTEGER,
    "meeting_for" INTEGER,
    "meeting_at" TIMESTAMP(3),
    "approved_at" TIMESTAMP(3),
    "admitted_at" TIMESTAMP(3),
    "member_id" INTEGER,
    "closed_reason" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "join_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "join_steps" (
    "id" SERIAL NOT NULL,
    "application_id" INTEGER NOT NULL,
    "kind" "JoinStepKind" NOT NULL,
    "org_id" INTEGER NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'PENDING',
    "started_at" TIMESTAMP(3) NOT NULL,
    "due_at" TIMESTAMP(3) NOT NULL,
    "sla_hours" INTEGER NOT NULL,
    "sla_business_hours" BOOLEAN NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "sla_stage" INTEGER NOT NULL DEFAULT 0,
    "claimed_level" INTEGER,
    "claimed_by_id" INTEGER,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "join_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "join_applications_identity_id_key" ON "join_applications"("identity_id");

-- CreateIndex
CREATE UNIQUE INDEX "join_applications_member_id_key" ON "join_applications"("member_id");

-- CreateIndex
CREATE INDEX "join_applications_org_id_stage_idx" ON "join_applications"("org_id", "stage");

-- CreateIndex
CREATE INDEX "join_applications_phone_hash_idx" ON "join_applications"("phone_hash");

-- CreateIndex
CREATE INDEX "join_steps_org_id_status_idx" ON "join_steps"("org_id", "status");

-- CreateIndex
CREATE INDEX "join_steps_status_due_at_idx" ON "join_steps"("status", "due_at");

-- CreateIndex
CREATE INDEX "join_steps_decided_by_id_idx" ON "join_steps"("decided_by_id");

-- CreateIndex
CREATE INDEX "join_steps_claimed_by_id_idx" ON "join_steps"("claimed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "join_steps_application_id_kind_key" ON "join_steps"("application_id", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "organisations_join_invite_code_key" ON "organisations"("join_invite_code");

-- AddForeignKey
ALTER TABLE "join_applications" ADD CONSTRAINT "join_applications_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_applications" ADD CONSTRAINT "join_applications_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "chat_identities"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_applications" ADD CONSTRAINT "join_applications_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_steps" ADD CONSTRAINT "join_steps_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "join_applications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_steps" ADD CONSTRAINT "join_steps_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_steps" ADD CONSTRAINT "join_steps_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "join_steps" ADD CONSTRAINT "join_steps_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;
