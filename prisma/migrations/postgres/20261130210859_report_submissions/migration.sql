-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "reportState" TEXT NOT NULL DEFAULT 'draft';

-- CreateTable
CREATE TABLE "ReportSubmission" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'submitted',
    "note" TEXT,
    "comment" TEXT,
    "measures" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "overdue" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedByUserId" INTEGER,
    "decidedAt" TIMESTAMP(3),
    "decidedByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportSubmission_roundId_id_idx" ON "ReportSubmission"("roundId", "id");

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_submittedByUserId_fkey" FOREIGN KEY ("submittedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportSubmission" ADD CONSTRAINT "ReportSubmission_decidedByUserId_fkey" FOREIGN KEY ("decidedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
