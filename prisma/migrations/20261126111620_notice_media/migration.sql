-- AlterTable
ALTER TABLE "notices" DROP COLUMN "image_ref",
ADD COLUMN     "image_id" INTEGER;

-- AlterTable
ALTER TABLE "outbox_messages" DROP COLUMN "image_ref",
ADD COLUMN     "image_id" INTEGER;

-- CreateTable
CREATE TABLE "media" (
    "id" SERIAL NOT NULL,
    "sha256" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "media_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "media_sha256_key" ON "media"("sha256");

-- CreateIndex
CREATE INDEX "notices_image_id_idx" ON "notices"("image_id");

-- CreateIndex
CREATE INDEX "outbox_messages_image_id_idx" ON "outbox_messages"("image_id");

-- AddForeignKey
ALTER TABLE "notices" ADD CONSTRAINT "notices_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_image_id_fkey" FOREIGN KEY ("image_id") REFERENCES "media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
