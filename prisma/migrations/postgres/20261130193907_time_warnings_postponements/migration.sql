-- AlterTable
ALTER TABLE "InspectionRound" ADD COLUMN     "behindScheduleMargin" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "warnDueSoonDays" INTEGER NOT NULL DEFAULT 20,
ADD COLUMN     "warnVerySoonDays" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "originalDeadline" TEXT,
ADD COLUMN     "postponementCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "startDate" TEXT;

-- Existing measures started on their round's feedback date (反馈日期), as new ones do.
UPDATE "Measure" m SET "startDate" = r."feedbackDate" FROM "InspectionRound" r WHERE r."id" = m."roundId" AND m."startDate" IS NULL;

-- CreateTable
CREATE TABLE "Postponement" (
    "id" SERIAL NOT NULL,
    "measureId" INTEGER NOT NULL,
    "previousDeadline" TEXT,
    "requestedDeadline" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestedByUserId" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewedByUserId" INTEGER,
    "reviewReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Postponement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Postponement_measureId_state_idx" ON "Postponement"("measureId", "state");

-- CreateIndex
CREATE INDEX "Postponement_state_idx" ON "Postponement"("state");

-- AddForeignKey
ALTER TABLE "Postponement" ADD CONSTRAINT "Postponement_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postponement" ADD CONSTRAINT "Postponement_requestedByUserId_fkey" FOREIGN KEY ("requestedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Postponement" ADD CONSTRAINT "Postponement_reviewedByUserId_fkey" FOREIGN KEY ("reviewedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
