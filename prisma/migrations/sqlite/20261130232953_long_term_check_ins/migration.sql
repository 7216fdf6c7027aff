-- AlterTable
ALTER TABLE "Measure" ADD COLUMN "checkInCadence" TEXT;
ALTER TABLE "Measure" ADD COLUMN "lastCheckInOn" TEXT;

-- Backfill: each measure's last check-in is the day of its latest progress update.
UPDATE "Measure" SET "lastCheckInOn" = (SELECT MAX(u."date") FROM "ProgressUpdate" u WHERE u."measureId" = "Measure"."id");
