-- CreateTable
CREATE TABLE "PublicPage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "token" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PublicPage_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicOpinion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "name" TEXT,
    "phone" TEXT,
    "rating" TEXT,
    "status" TEXT NOT NULL DEFAULT 'new',
    "note" TEXT,
    "handledAt" DATETIME,
    "handledByUserId" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PublicOpinion_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PublicOpinion_handledByUserId_fkey" FOREIGN KEY ("handledByUserId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicPage_roundId_key" ON "PublicPage"("roundId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicPage_token_key" ON "PublicPage"("token");

-- CreateIndex
CREATE INDEX "PublicOpinion_roundId_id_idx" ON "PublicOpinion"("roundId", "id");

-- CreateIndex
CREATE INDEX "PublicOpinion_status_id_idx" ON "PublicOpinion"("status", "id");
