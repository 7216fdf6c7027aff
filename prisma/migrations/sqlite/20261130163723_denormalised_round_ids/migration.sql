-- Denormalised, indexed roundId on Problem and Measure; indexes for the overdue list and keyset pages.
-- Written by hand: Prisma would rebuild Problem and Measure (DROP TABLE + rename), and with foreign
-- keys ON that cascades into every child row. ADD COLUMN keeps the tables; the column is nullable in
-- SQLite's catalogue (REFERENCES needs a NULL default) and the backfill fills every row; the
-- repositories set it on every create and a test checks it stays equal to the parent's round.
ALTER TABLE "Problem" ADD COLUMN "roundId" INTEGER REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
UPDATE "Problem" SET "roundId" = (SELECT "c"."roundId" FROM "Category" "c" WHERE "c"."id" = "Problem"."categoryId");
CREATE INDEX "Problem_roundId_idx" ON "Problem"("roundId");

ALTER TABLE "Measure" ADD COLUMN "roundId" INTEGER REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE;
UPDATE "Measure" SET "roundId" = (SELECT "p"."roundId" FROM "Problem" "p" WHERE "p"."id" = "Measure"."problemId");
CREATE INDEX "Measure_roundId_status_idx" ON "Measure"("roundId", "status");
CREATE INDEX "Measure_updatedAt_id_idx" ON "Measure"("updatedAt", "id");
-- Not expressible in schema.prisma (partial): open measures by deadline.
CREATE INDEX "Measure_open_deadline_idx" ON "Measure"("deadline", "id") WHERE "status" <> 'closed';

CREATE INDEX "Notification_userId_id_idx" ON "Notification"("userId", "id");
