-- CreateTable
CREATE TABLE "dues_arrears" (
    "month" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "org_id" INTEGER NOT NULL,
    "owed" INTEGER NOT NULL,
    "recent_life" BOOLEAN NOT NULL,

    CONSTRAINT "dues_arrears_pkey" PRIMARY KEY ("month","member_id")
);

-- CreateIndex
CREATE INDEX "dues_arrears_month_org_id_idx" ON "dues_arrears"("month", "org_id");
