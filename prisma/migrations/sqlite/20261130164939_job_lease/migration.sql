-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT,
    "expiresAt" DATETIME,
    "lastRunOn" TEXT,
    "lastRunAt" DATETIME
);
