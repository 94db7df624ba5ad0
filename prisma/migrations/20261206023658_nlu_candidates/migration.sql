-- CreateTable
CREATE TABLE "nlu_candidates" (
    "id" BIGSERIAL NOT NULL,
    "text" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "offered" TEXT[],
    "chosen_intent" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "chosen_at" TIMESTAMP(3),

    CONSTRAINT "nlu_candidates_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "nlu_candidates_chosen_intent_created_at_idx" ON "nlu_candidates"("chosen_intent", "created_at");
