-- DropForeignKey
ALTER TABLE "FollowUpReview" DROP CONSTRAINT "FollowUpReview_measureId_fkey";

-- DropForeignKey
ALTER TABLE "FollowUpReview" DROP CONSTRAINT "FollowUpReview_reviewerId_fkey";

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "followUpItemId" INTEGER;

-- DropTable
DROP TABLE "FollowUpReview";

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" SERIAL NOT NULL,
    "roundId" INTEGER NOT NULL,
    "scheduledOn" TEXT NOT NULL,
    "reviewerId" INTEGER,
    "scope" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpCategory" (
    "followUpId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,

    CONSTRAINT "FollowUpCategory_pkey" PRIMARY KEY ("followUpId","categoryId")
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" SERIAL NOT NULL,
    "followUpId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "result" TEXT,
    "note" TEXT,
    "recordedAt" TIMESTAMP(3),
    "recordedByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "FollowUpItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FollowUp_roundId_scheduledOn_idx" ON "FollowUp"("roundId", "scheduledOn");

-- CreateIndex
CREATE INDEX "FollowUp_reviewerId_idx" ON "FollowUp"("reviewerId");

-- CreateIndex
CREATE INDEX "FollowUpCategory_categoryId_idx" ON "FollowUpCategory"("categoryId");

-- CreateIndex
CREATE INDEX "FollowUpItem_measureId_idx" ON "FollowUpItem"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpItem_followUpId_measureId_key" ON "FollowUpItem"("followUpId", "measureId");

-- CreateIndex
CREATE INDEX "Evidence_followUpItemId_idx" ON "Evidence"("followUpItemId");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_followUpItemId_fkey" FOREIGN KEY ("followUpItemId") REFERENCES "FollowUpItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpCategory" ADD CONSTRAINT "FollowUpCategory_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpCategory" ADD CONSTRAINT "FollowUpCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
