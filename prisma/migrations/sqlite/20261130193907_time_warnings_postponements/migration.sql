-- Hand-written (no table rebuild: Measure and InspectionRound are referenced by most tables, and a
-- rebuild would also drop the hand-made partial index "Measure_open_deadline_idx"). Columns only,
-- nullable or defaulted, then one new table.

-- 三色预警 thresholds, per round
ALTER TABLE "InspectionRound" ADD COLUMN "warnDueSoonDays" INTEGER NOT NULL DEFAULT 20;
ALTER TABLE "InspectionRound" ADD COLUMN "warnVerySoonDays" INTEGER NOT NULL DEFAULT 10;
ALTER TABLE "InspectionRound" ADD COLUMN "behindScheduleMargin" INTEGER NOT NULL DEFAULT 20;

-- A measure's timeline: start, original deadline, postponements
ALTER TABLE "Measure" ADD COLUMN "startDate" TEXT;
ALTER TABLE "Measure" ADD COLUMN "originalDeadline" TEXT;
ALTER TABLE "Measure" ADD COLUMN "postponementCount" INTEGER NOT NULL DEFAULT 0;

-- Existing measures started on their round's feedback date (反馈日期), as new ones do.
UPDATE "Measure" SET "startDate" = (SELECT r."feedbackDate" FROM "InspectionRound" r WHERE r."id" = "Measure"."roundId") WHERE "startDate" IS NULL;

-- 延期申请
CREATE TABLE "Postponement" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "measureId" INTEGER NOT NULL,
    "previousDeadline" TEXT,
    "requestedDeadline" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedByUserId" INTEGER,
    "reviewedAt" DATETIME,
    "reviewedByUserId" INTEGER,
    "reviewReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Postponement_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Postponement_requestedByUserId_fkey" FOREIGN KEY ("requestedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Postponement_reviewedByUserId_fkey" FOREIGN KEY ("reviewedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "Postponement_measureId_state_idx" ON "Postponement"("measureId", "state");
CREATE INDEX "Postponement_state_idx" ON "Postponement"("state");
