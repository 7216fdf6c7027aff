-- AlterTable
ALTER TABLE "Regulation" ADD COLUMN     "documentNumber" TEXT,
ADD COLUMN     "fileMimeType" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileSha256" TEXT,
ADD COLUMN     "fileSize" INTEGER,
ADD COLUMN     "issuingUnit" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "attendees" TEXT,
ADD COLUMN     "fileMimeType" TEXT,
ADD COLUMN     "fileName" TEXT,
ADD COLUMN     "fileSha256" TEXT,
ADD COLUMN     "fileSize" INTEGER;
