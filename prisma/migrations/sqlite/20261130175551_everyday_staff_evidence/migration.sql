-- Hand-written (no table rebuild: Person and Department are referenced by measures, accounts and
-- history; a DROP TABLE under ON DELETE rules would lose rows). Columns only, nullable or defaulted.

-- 科室负责人 and deactivation of departments
ALTER TABLE "Department" ADD COLUMN "headId" INTEGER REFERENCES "Person" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Department" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

-- Deactivation of people (left the unit)
ALTER TABLE "Person" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;

-- Evidence sent with a progress update (报送进展)
ALTER TABLE "Evidence" ADD COLUMN "progressUpdateId" INTEGER REFERENCES "ProgressUpdate" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "Evidence_progressUpdateId_idx" ON "Evidence"("progressUpdateId");
