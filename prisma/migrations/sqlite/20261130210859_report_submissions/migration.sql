-- Hand-written (no table rebuild: InspectionRound is referenced by most tables). 整改报告报送:
-- the round's report state, and each submission to the 巡察办 with its decision.

ALTER TABLE "InspectionRound" ADD COLUMN "reportState" TEXT NOT NULL DEFAULT 'draft';

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "note" TEXT,
    "comment" TEXT,
    "measures" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedByUserId" INTEGER,
    "decidedAt" DATETIME,
    "decidedByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ReportSubmission_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportSubmission_submittedByUserId_fkey" FOREIGN KEY ("submittedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReportSubmission_decidedByUserId_fkey" FOREIGN KEY ("decidedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "ReportSubmission_roundId_id_idx" ON "ReportSubmission"("roundId", "id");
