-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL,
    "windowEnd" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "RateCounter_windowEnd_idx" ON "RateCounter"("windowEnd");
