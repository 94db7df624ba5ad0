-- CreateEnum
CREATE TYPE "OrgLevel" AS ENUM ('CENTRAL', 'PROVINCE', 'CITY', 'COUNTY', 'GRASSROOTS_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH');

-- CreateEnum
CREATE TYPE "MemberStatus" AS ENUM ('ACTIVE', 'LEFT', 'LAPSED');

-- CreateEnum
CREATE TYPE "DuesCategory" AS ENUM ('STUDENT', 'NO_INCOME', 'SALARIED');

-- CreateEnum
CREATE TYPE "Platform" AS ENUM ('TELEGRAM', 'WECHAT', 'CONSOLE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('BRANCH_SECRETARY', 'COMMITTEE_STAFF', 'TREASURER', 'ADMIN');

-- CreateEnum
CREATE TYPE "TransferReason" AS ENUM ('FURTHER_STUDY', 'EMPLOYED_WITH_LEAGUE_ORG', 'EMPLOYED_WITHOUT_LEAGUE_ORG', 'ABROAD_PUBLIC', 'ABROAD_PRIVATE', 'UNEMPLOYED', 'MILITARY', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferStatus" AS ENUM ('IN_PROGRESS', 'COMPLETED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TransferStepKind" AS ENUM ('SENDER_APPROVAL', 'RECEIVER_APPROVAL', 'BRANCH_ASSIGNMENT');

-- CreateEnum
CREATE TYPE "StepStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RejectCode" AS ENUM ('INCOMPLETE_INFO', 'WRONG_DESTINATION', 'NOT_OUR_MEMBER', 'DESTINATION_NOT_ALLOWED', 'REPORT_IN_PERSON', 'OTHER');

-- CreateEnum
CREATE TYPE "TransferEventType" AS ENUM ('SUBMITTED', 'STEP_STARTED', 'CLAIMED', 'APPROVED', 'REJECTED', 'BRANCH_ASSIGNED', 'NUDGED', 'ESCALATED', 'CANCELLED', 'COMPLETED');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('PROOF', 'CALLBACK', 'CASH');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'CONFIRMED', 'REJECTED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ActivityStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "SignupStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "NoticeStatus" AS ENUM ('DRAFT', 'SENDING', 'SENT');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('UNREACHABLE', 'QUEUED', 'SENT', 'FAILED', 'READ');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'QUEUED', 'SENT', 'FAILED', 'BLOCKED');

-- CreateEnum
CREATE TYPE "TokenAccess" AS ENUM ('READ', 'WRITE');

-- CreateTable
CREATE TABLE "organisations" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT,
    "initials" TEXT NOT NULL DEFAULT '',
    "level" "OrgLevel" NOT NULL,
    "parent_id" INTEGER,
    "ancestor_ids" INTEGER[],
    "depth" INTEGER NOT NULL DEFAULT 0,
    "sla_hours" INTEGER,
    "sla_business_hours" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organisations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "id_hash" TEXT NOT NULL,
    "id_last4" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "joined_at" DATE NOT NULL,
    "status" "MemberStatus" NOT NULL DEFAULT 'ACTIVE',
    "dues_category" "DuesCategory" NOT NULL,
    "monthly_income_fen" INTEGER,
    "has_league_post" BOOLEAN NOT NULL DEFAULT false,
    "org_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chat_identities" (
    "id" SERIAL NOT NULL,
    "platform" "Platform" NOT NULL,
    "external_user_id" TEXT NOT NULL,
    "chat_id" TEXT NOT NULL,
    "locale" TEXT,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "member_id" INTEGER,
    "bound_at" TIMESTAMP(3),
    "last_seen_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chat_identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "role_assignments" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "role_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "binding_codes" (
    "id" SERIAL NOT NULL,
    "code_hash" TEXT NOT NULL,
    "member_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "used_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "binding_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_requests" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "from_org_id" INTEGER NOT NULL,
    "to_org_id" INTEGER NOT NULL,
    "assigned_org_id" INTEGER,
    "reason" "TransferReason" NOT NULL,
    "reason_note" TEXT,
    "status" "TransferStatus" NOT NULL DEFAULT 'IN_PROGRESS',
    "initiated_by_id" INTEGER NOT NULL,
    "previous_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMP(3),

    CONSTRAINT "transfer_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_steps" (
    "id" SERIAL NOT NULL,
    "transfer_id" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" "TransferStepKind" NOT NULL,
    "org_id" INTEGER NOT NULL,
    "status" "StepStatus" NOT NULL DEFAULT 'PENDING',
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMP(3) NOT NULL,
    "sla_hours" INTEGER NOT NULL,
    "sla_business_hours" BOOLEAN NOT NULL,
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "claimed_by_id" INTEGER,
    "claimed_at" TIMESTAMP(3),
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "reject_code" "RejectCode",
    "note" TEXT,

    CONSTRAINT "transfer_steps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "transfer_events" (
    "id" BIGSERIAL NOT NULL,
    "transfer_id" INTEGER NOT NULL,
    "step_id" INTEGER,
    "type" "TransferEventType" NOT NULL,
    "actor_id" INTEGER,
    "org_id" INTEGER,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "transfer_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dues_rates" (
    "id" SERIAL NOT NULL,
    "effective_from" DATE NOT NULL,
    "category" "DuesCategory" NOT NULL,
    "income_from_fen" INTEGER,
    "income_to_fen" INTEGER,
    "fixed_fen" INTEGER,
    "rate_per_10k" INTEGER,
    "cap_fen" INTEGER,

    CONSTRAINT "dues_rates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dues_payments" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "reference" TEXT NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'PENDING',
    "months" INTEGER NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "provider_txn_id" TEXT,
    "proof_ref" TEXT,
    "handled_by_id" INTEGER,
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settled_at" TIMESTAMP(3),

    CONSTRAINT "dues_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "dues_months" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "amount_fen" INTEGER NOT NULL,
    "payment_id" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dues_months_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activities" (
    "id" SERIAL NOT NULL,
    "org_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "place" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "capacity" INTEGER NOT NULL,
    "signup_deadline" TIMESTAMP(3) NOT NULL,
    "status" "ActivityStatus" NOT NULL DEFAULT 'DRAFT',
    "checkin_code_hash" TEXT,
    "checkin_opens_at" TIMESTAMP(3),
    "checkin_closes_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_audiences" (
    "activity_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,

    CONSTRAINT "activity_audiences_pkey" PRIMARY KEY ("activity_id","org_id")
);

-- CreateTable
CREATE TABLE "activity_signups" (
    "id" SERIAL NOT NULL,
    "activity_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "status" "SignupStatus" NOT NULL,
    "queued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checked_in_at" TIMESTAMP(3),

    CONSTRAINT "activity_signups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notices" (
    "id" SERIAL NOT NULL,
    "org_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "image_ref" TEXT,
    "status" "NoticeStatus" NOT NULL DEFAULT 'DRAFT',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "notices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notice_audiences" (
    "notice_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,

    CONSTRAINT "notice_audiences_pkey" PRIMARY KEY ("notice_id","org_id")
);

-- CreateTable
CREATE TABLE "notice_deliveries" (
    "id" BIGSERIAL NOT NULL,
    "notice_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,
    "status" "DeliveryStatus" NOT NULL,
    "outbox_id" BIGINT,
    "read_at" TIMESTAMP(3),
    "last_chased_at" TIMESTAMP(3),

    CONSTRAINT "notice_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_messages" (
    "id" BIGSERIAL NOT NULL,
    "identity_id" INTEGER NOT NULL,
    "message_key" TEXT NOT NULL,
    "args" JSONB NOT NULL DEFAULT '{}',
    "buttons" JSONB,
    "image_ref" TEXT,
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "dedupe_key" TEXT,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "not_before" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "sent_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "actor_id" INTEGER,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "org_id" INTEGER,
    "target_type" TEXT,
    "target_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "org_id" INTEGER NOT NULL,
    "access" "TokenAccess" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMP(3),
    "revoked_at" TIMESTAMP(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisations_code_key" ON "organisations"("code");

-- CreateIndex
CREATE INDEX "organisations_parent_id_idx" ON "organisations"("parent_id");

-- CreateIndex
CREATE INDEX "organisations_ancestor_ids_idx" ON "organisations" USING GIN ("ancestor_ids");

-- CreateIndex
CREATE INDEX "organisations_initials_idx" ON "organisations"("initials");

-- CreateIndex
CREATE UNIQUE INDEX "members_code_key" ON "members"("code");

-- CreateIndex
CREATE INDEX "members_org_id_idx" ON "members"("org_id");

-- CreateIndex
CREATE INDEX "members_name_idx" ON "members"("name");

-- CreateIndex
CREATE INDEX "members_status_idx" ON "members"("status");

-- CreateIndex
CREATE INDEX "chat_identities_member_id_idx" ON "chat_identities"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_identities_platform_external_user_id_key" ON "chat_identities"("platform", "external_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "chat_identities_member_id_platform_key" ON "chat_identities"("member_id", "platform");

-- CreateIndex
CREATE INDEX "role_assignments_org_id_role_idx" ON "role_assignments"("org_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "role_assignments_member_id_org_id_role_key" ON "role_assignments"("member_id", "org_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "binding_codes_code_hash_key" ON "binding_codes"("code_hash");

-- CreateIndex
CREATE INDEX "binding_codes_member_id_idx" ON "binding_codes"("member_id");

-- CreateIndex
CREATE INDEX "binding_codes_created_by_id_idx" ON "binding_codes"("created_by_id");

-- CreateIndex
CREATE INDEX "transfer_requests_member_id_idx" ON "transfer_requests"("member_id");

-- CreateIndex
CREATE INDEX "transfer_requests_from_org_id_idx" ON "transfer_requests"("from_org_id");

-- CreateIndex
CREATE INDEX "transfer_requests_to_org_id_idx" ON "transfer_requests"("to_org_id");

-- CreateIndex
CREATE INDEX "transfer_requests_assigned_org_id_idx" ON "transfer_requests"("assigned_org_id");

-- CreateIndex
CREATE INDEX "transfer_requests_initiated_by_id_idx" ON "transfer_requests"("initiated_by_id");

-- CreateIndex
CREATE INDEX "transfer_requests_previous_id_idx" ON "transfer_requests"("previous_id");

-- CreateIndex
CREATE INDEX "transfer_requests_status_idx" ON "transfer_requests"("status");

-- CreateIndex
CREATE INDEX "transfer_steps_org_id_status_idx" ON "transfer_steps"("org_id", "status");

-- CreateIndex
CREATE INDEX "transfer_steps_status_due_at_idx" ON "transfer_steps"("status", "due_at");

-- CreateIndex
CREATE INDEX "transfer_steps_claimed_by_id_idx" ON "transfer_steps"("claimed_by_id");

-- CreateIndex
CREATE INDEX "transfer_steps_decided_by_id_idx" ON "transfer_steps"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "transfer_steps_transfer_id_seq_key" ON "transfer_steps"("transfer_id", "seq");

-- CreateIndex
CREATE INDEX "transfer_events_transfer_id_idx" ON "transfer_events"("transfer_id");

-- CreateIndex
CREATE INDEX "transfer_events_step_id_idx" ON "transfer_events"("step_id");

-- CreateIndex
CREATE INDEX "transfer_events_actor_id_idx" ON "transfer_events"("actor_id");

-- CreateIndex
CREATE INDEX "transfer_events_org_id_at_idx" ON "transfer_events"("org_id", "at");

-- CreateIndex
CREATE INDEX "dues_rates_category_effective_from_idx" ON "dues_rates"("category", "effective_from");

-- CreateIndex
CREATE UNIQUE INDEX "dues_payments_reference_key" ON "dues_payments"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "dues_payments_provider_txn_id_key" ON "dues_payments"("provider_txn_id");

-- CreateIndex
CREATE INDEX "dues_payments_member_id_idx" ON "dues_payments"("member_id");

-- CreateIndex
CREATE INDEX "dues_payments_handled_by_id_idx" ON "dues_payments"("handled_by_id");

-- CreateIndex
CREATE INDEX "dues_payments_status_created_at_idx" ON "dues_payments"("status", "created_at");

-- CreateIndex
CREATE INDEX "dues_months_payment_id_idx" ON "dues_months"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "dues_months_member_id_month_key" ON "dues_months"("member_id", "month");

-- CreateIndex
CREATE INDEX "activities_org_id_idx" ON "activities"("org_id");

-- CreateIndex
CREATE INDEX "activities_created_by_id_idx" ON "activities"("created_by_id");

-- CreateIndex
CREATE INDEX "activities_status_starts_at_idx" ON "activities"("status", "starts_at");

-- CreateIndex
CREATE INDEX "activity_audiences_org_id_idx" ON "activity_audiences"("org_id");

-- CreateIndex
CREATE INDEX "activity_signups_activity_id_status_queued_at_idx" ON "activity_signups"("activity_id", "status", "queued_at");

-- CreateIndex
CREATE INDEX "activity_signups_member_id_idx" ON "activity_signups"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "activity_signups_activity_id_member_id_key" ON "activity_signups"("activity_id", "member_id");

-- CreateIndex
CREATE INDEX "notices_org_id_idx" ON "notices"("org_id");

-- CreateIndex
CREATE INDEX "notices_created_by_id_idx" ON "notices"("created_by_id");

-- CreateIndex
CREATE INDEX "notices_status_idx" ON "notices"("status");

-- CreateIndex
CREATE INDEX "notice_audiences_org_id_idx" ON "notice_audiences"("org_id");

-- CreateIndex
CREATE INDEX "notice_deliveries_notice_id_org_id_status_idx" ON "notice_deliveries"("notice_id", "org_id", "status");

-- CreateIndex
CREATE INDEX "notice_deliveries_member_id_idx" ON "notice_deliveries"("member_id");

-- CreateIndex
CREATE INDEX "notice_deliveries_org_id_idx" ON "notice_deliveries"("org_id");

-- CreateIndex
CREATE INDEX "notice_deliveries_outbox_id_idx" ON "notice_deliveries"("outbox_id");

-- CreateIndex
CREATE UNIQUE INDEX "notice_deliveries_notice_id_member_id_key" ON "notice_deliveries"("notice_id", "member_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_dedupe_key_key" ON "outbox_messages"("dedupe_key");

-- CreateIndex
CREATE INDEX "outbox_messages_identity_id_idx" ON "outbox_messages"("identity_id");

-- CreateIndex
CREATE INDEX "outbox_messages_status_not_before_idx" ON "outbox_messages"("status", "not_before");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- CreateIndex
CREATE INDEX "audit_log_org_id_at_idx" ON "audit_log"("org_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_org_id_idx" ON "api_tokens"("org_id");

-- AddForeignKey
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "members" ADD CONSTRAINT "members_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chat_identities" ADD CONSTRAINT "chat_identities_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "binding_codes" ADD CONSTRAINT "binding_codes_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "binding_codes" ADD CONSTRAINT "binding_codes_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_from_org_id_fkey" FOREIGN KEY ("from_org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_to_org_id_fkey" FOREIGN KEY ("to_org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_assigned_org_id_fkey" FOREIGN KEY ("assigned_org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_initiated_by_id_fkey" FOREIGN KEY ("initiated_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_requests" ADD CONSTRAINT "transfer_requests_previous_id_fkey" FOREIGN KEY ("previous_id") REFERENCES "transfer_requests"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfer_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_claimed_by_id_fkey" FOREIGN KEY ("claimed_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_steps" ADD CONSTRAINT "transfer_steps_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_transfer_id_fkey" FOREIGN KEY ("transfer_id") REFERENCES "transfer_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_step_id_fkey" FOREIGN KEY ("step_id") REFERENCES "transfer_steps"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "transfer_events" ADD CONSTRAINT "transfer_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dues_payments" ADD CONSTRAINT "dues_payments_handled_by_id_fkey" FOREIGN KEY ("handled_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "dues_months" ADD CONSTRAINT "dues_months_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "dues_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_audiences" ADD CONSTRAINT "activity_audiences_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_audiences" ADD CONSTRAINT "activity_audiences_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_activity_id_fkey" FOREIGN KEY ("activity_id") REFERENCES "activities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_signups" ADD CONSTRAINT "activity_signups_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_audiences" ADD CONSTRAINT "notice_audiences_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_audiences" ADD CONSTRAINT "notice_audiences_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_notice_id_fkey" FOREIGN KEY ("notice_id") REFERENCES "notices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notice_deliveries" ADD CONSTRAINT "notice_deliveries_outbox_id_fkey" FOREIGN KEY ("outbox_id") REFERENCES "outbox_messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_identity_id_fkey" FOREIGN KEY ("identity_id") REFERENCES "chat_identities"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
