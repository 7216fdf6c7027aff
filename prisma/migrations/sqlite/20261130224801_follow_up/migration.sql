-- DropIndex
DROP INDEX "FollowUpReview_measureId_idx";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "FollowUpReview";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "scheduledOn" TEXT NOT NULL,
    "reviewerId" INTEGER,
    "scope" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "FollowUp_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FollowUp_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpCategory" (
    "followUpId" INTEGER NOT NULL,
    "categoryId" INTEGER NOT NULL,

    PRIMARY KEY ("followUpId", "categoryId"),
    CONSTRAINT "FollowUpCategory_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpCategory_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "followUpId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "result" TEXT,
    "note" TEXT,
    "recordedAt" DATETIME,
    "recordedByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "FollowUpItem_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FollowUpItem_recordedByUserId_fkey" FOREIGN KEY ("recordedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "measureId" INTEGER NOT NULL,
    "progressUpdateId" INTEGER,
    "followUpItemId" INTEGER,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedByUserId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Evidence_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Evidence_progressUpdateId_fkey" FOREIGN KEY ("progressUpdateId") REFERENCES "ProgressUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_followUpItemId_fkey" FOREIGN KEY ("followUpItemId") REFERENCES "FollowUpItem" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Evidence_uploadedByUserId_fkey" FOREIGN KEY ("uploadedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Evidence" ("createdAt", "fileName", "id", "measureId", "mimeType", "progressUpdateId", "sha256", "size", "uploadedByUserId") SELECT "createdAt", "fileName", "id", "measureId", "mimeType", "progressUpdateId", "sha256", "size", "uploadedByUserId" FROM "Evidence";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE INDEX "Evidence_measureId_idx" ON "Evidence"("measureId");
CREATE INDEX "Evidence_progressUpdateId_idx" ON "Evidence"("progressUpdateId");
CREATE INDEX "Evidence_followUpItemId_idx" ON "Evidence"("followUpItemId");
CREATE INDEX "Evidence_sha256_idx" ON "Evidence"("sha256");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
