-- CreateTable
CREATE TABLE "telegram_update_marks" (
    "bot_id" BIGINT NOT NULL,
    "last_update_id" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "telegram_update_marks_pkey" PRIMARY KEY ("bot_id")
);
