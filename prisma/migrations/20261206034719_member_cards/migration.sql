-- CreateTable
CREATE TABLE "member_cards" (
    "id" SERIAL NOT NULL,
    "member_id" INTEGER NOT NULL,
    "token_hash" TEXT NOT NULL,
    "issued_at" TIMESTAMP(3) NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "member_cards_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "member_cards_member_id_key" ON "member_cards"("member_id");

-- CreateIndex
CREATE UNIQUE INDEX "member_cards_token_hash_key" ON "member_cards"("token_hash");

-- AddForeignKey
ALTER TABLE "member_cards" ADD CONSTRAINT "member_cards_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "members"("id") ON DELETE CASCADE ON UPDATE CASCADE;
