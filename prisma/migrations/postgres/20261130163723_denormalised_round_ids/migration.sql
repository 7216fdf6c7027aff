-- Denormalised, indexed roundId on Problem and Measure; indexes for the overdue list and keyset pages.
-- Edited by hand: the generated ADD COLUMN ... NOT NULL fails on a table with rows; add, backfill,
-- then require.
ALTER TABLE "Problem" ADD COLUMN "roundId" INTEGER;
UPDATE "Problem" SET "roundId" = "c"."roundId" FROM "Category" "c" WHERE "c"."id" = "Problem"."categoryId";
ALTER TABLE "Problem" ALTER COLUMN "roundId" SET NOT NULL;
ALTER TABLE "Problem" ADD CONSTRAINT "Problem_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "Problem_roundId_idx" ON "Problem"("roundId");

ALTER TABLE "Measure" ADD COLUMN "roundId" INTEGER;
UPDATE "Measure" SET "roundId" = "p"."roundId" FROM "Problem" "p" WHERE "p"."id" = "Measure"."problemId";
ALTER TABLE "Measure" ALTER COLUMN "roundId" SET NOT NULL;
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE INDEX "Measure_roundId_status_idx" ON "Measure"("roundId", "status");
CREATE INDEX "Measure_updatedAt_id_idx" ON "Measure"("updatedAt", "id");
-- Not expressible in schema.prisma (partial): open measures by deadline.
CREATE INDEX "Measure_open_deadline_idx" ON "Measure"("deadline", "id") WHERE "status" <> 'closed';

CREATE INDEX "Notification_userId_id_idx" ON "Notification"("userId", "id");
