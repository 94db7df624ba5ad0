-- CreateTable
CREATE TABLE "recommendation_meetings" (
    "id" SERIAL NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,
    "due" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "recorded_by_id" INTEGER NOT NULL,
    "recorded_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "recommendation_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "recommendation_votes" (
    "meeting_id" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "votes_for" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,

    CONSTRAINT "recommendation_votes_pkey" PRIMARY KEY ("meeting_id","member_id")
);

-- CreateIndex
CREATE INDEX "recommendation_meetings_org_id_idx" ON "recommendation_meetings"("org_id");

-- CreateIndex
CREATE INDEX "recommendation_meetings_recorded_by_id_idx" ON "recommendation_meetings"("recorded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "recommendation_meetings_campaign_id_org_id_key" ON "recommendation_meetings"("campaign_id", "org_id");

-- CreateIndex
CREATE INDEX "recommendation_votes_member_id_idx" ON "recommendation_votes"("member_id");

-- AddForeignKey
ALTER TABLE "recommendation_meetings" ADD CONSTRAINT "recommendation_meetings_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_meetings" ADD CONSTRAINT "recommendation_meetings_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_meetings" ADD CONSTRAINT "recommendation_meetings_recorded_by_id_fkey" FOREIGN KEY ("recorded_by_id") REFERENCES "members"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_votes" ADD CONSTRAINT "recommendation_votes_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "recommendation_meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "recommendation_votes" ADD CONSTRAINT "recommendation_votes_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;
