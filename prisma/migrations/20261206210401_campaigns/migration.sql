-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('OPEN', 'CLOSED');

-- CreateTable
CREATE TABLE "campaigns" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "org_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "opens_on" DATE NOT NULL,
    "closes_on" DATE NOT NULL,
    "remind_every_days" INTEGER NOT NULL DEFAULT 0,
    "status" "CampaignStatus" NOT NULL DEFAULT 'OPEN',
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "closed_by_id" INTEGER,
    "snapshot" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaigns_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_audiences" (
    "campaign_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,

    CONSTRAINT "campaign_audiences_pkey" PRIMARY KEY ("campaign_id","org_id")
);

-- CreateTable
CREATE TABLE "campaign_entries" (
    "id" BIGSERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,
    "response" JSONB,
    "responded_at" TIMESTAMP(3),
    "decision" TEXT,
    "reason" TEXT,
    "decided_by_id" INTEGER,
    "decided_at" TIMESTAMP(3),
    "done" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "campaign_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "campaigns_org_id_idx" ON "campaigns"("org_id");

-- CreateIndex
CREATE INDEX "campaigns_created_by_id_idx" ON "campaigns"("created_by_id");

-- CreateIndex
CREATE INDEX "campaigns_closed_by_id_idx" ON "campaigns"("closed_by_id");

-- CreateIndex
CREATE INDEX "campaigns_status_kind_idx" ON "campaigns"("status", "kind");

-- CreateIndex
CREATE INDEX "campaign_audiences_org_id_idx" ON "campaign_audiences"("org_id");

-- CreateIndex
CREATE INDEX "campaign_entries_campaign_id_org_id_done_idx" ON "campaign_entries"("campaign_id", "org_id", "done");

-- CreateIndex
CREATE INDEX "campaign_entries_member_id_idx" ON "campaign_entries"("member_id");

-- CreateIndex
CREATE INDEX "campaign_entries_org_id_idx" ON "campaign_entries"("org_id");

-- CreateIndex
CREATE INDEX "campaign_entries_decided_by_id_idx" ON "campaign_entries"("decided_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_entries_campaign_id_member_id_key" ON "campaign_entries"("campaign_id", "member_id");

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audiences" ADD CONSTRAINT "campaign_audiences_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_audiences" ADD CONSTRAINT "campaign_audiences_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_entries" ADD CONSTRAINT "campaign_entries_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "members"("id") ON DELETE SET NULL ON UPDATE CASCADE;
