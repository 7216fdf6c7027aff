-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "organizationId" INTEGER NOT NULL,
    "roundId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "targetName" TEXT NOT NULL,
    "replyBy" TEXT,
    "request" TEXT,
    "issuedOn" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedByUserId" INTEGER,
    CONSTRAINT "SupervisionNotice_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNotice_issuedByUserId_fkey" FOREIGN KEY ("issuedByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SupervisionNoticeMeasure" (
    "noticeId" INTEGER NOT NULL,
    "measureId" INTEGER NOT NULL,
    "level" TEXT NOT NULL,
    "deadline" TEXT,

    PRIMARY KEY ("noticeId", "measureId"),
    CONSTRAINT "SupervisionNoticeMeasure_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "SupervisionNotice" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SupervisionNoticeMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SupervisionNotice_roundId_idx" ON "SupervisionNotice"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionNotice_organizationId_year_number_key" ON "SupervisionNotice"("organizationId", "year", "number");

-- CreateIndex
CREATE INDEX "SupervisionNoticeMeasure_measureId_idx" ON "SupervisionNoticeMeasure"("measureId");
