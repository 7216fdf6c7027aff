-- AlterTable
ALTER TABLE "Regulation" ADD COLUMN "documentNumber" TEXT;
ALTER TABLE "Regulation" ADD COLUMN "fileMimeType" TEXT;
ALTER TABLE "Regulation" ADD COLUMN "fileName" TEXT;
ALTER TABLE "Regulation" ADD COLUMN "fileSha256" TEXT;
ALTER TABLE "Regulation" ADD COLUMN "fileSize" INTEGER;
ALTER TABLE "Regulation" ADD COLUMN "issuingUnit" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "attendees" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "fileMimeType" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "fileName" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "fileSha256" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "fileSize" INTEGER;
