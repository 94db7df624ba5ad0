-- CreateTable
CREATE TABLE "report_weeks" (
    "week" DATE NOT NULL,
    "as_of" TIMESTAMP(3) NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "report_weeks_pkey" PRIMARY KEY ("week")
);

-- CreateTable
CREATE TABLE "report_week_facts" (
    "week" DATE NOT NULL,
    "org_id" INTEGER NOT NULL,
    "received" INTEGER NOT NULL,
    "within_sla" INTEGER NOT NULL,
    "breaches" INTEGER NOT NULL,
    "escalations" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION[],

    CONSTRAINT "report_week_facts_pkey" PRIMARY KEY ("week","org_id")
);

-- CreateIndex
CREATE INDEX "report_week_facts_org_id_idx" ON "report_week_facts"("org_id");

-- AddForeignKey
ALTER TABLE "report_week_facts" ADD CONSTRAINT "report_week_facts_week_fkey" FOREIGN KEY ("week") REFERENCES "report_weeks"("week") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "report_week_facts" ADD CONSTRAINT "report_week_facts_org_id_fkey" FOREIGN KEY ("org_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
