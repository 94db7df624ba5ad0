-- Organisation search by the beginning of the pinyin or the initials ("huananli", "hnlg"): a B-tree range scan
-- instead of the token index, whose pinyin trigrams ("ong", "ian") have the longest lists of all.
-- Hand-written: expression indexes (lower() of an already lower-case column, so Prisma's diff leaves them alone).
-- No semicolons inside statements or comments here: the migration runner splits the script at each one.
CREATE INDEX "organisations_pinyin_prefix_idx" ON "organisations" (lower("pinyin") text_pattern_ops);
CREATE INDEX "organisations_initials_prefix_idx" ON "organisations" (lower("initials") text_pattern_ops);
