-- Hand-written (no table rebuild: Organization and User are referenced by most tables). Units and
-- who sees what (issue 8): the organisation's kind, the account's organisation, the rounds an
-- inspection team's account is given.

ALTER TABLE "Organization" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'unit';
ALTER TABLE "Organization" ADD COLUMN "unitType" TEXT;
ALTER TABLE "Organization" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "User" ADD COLUMN "organizationId" INTEGER REFERENCES "Organization" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

CREATE TABLE "RoundAccess" (
    "userId" INTEGER NOT NULL,
    "roundId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "roundId"),
    CONSTRAINT "RoundAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RoundAccess_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "InspectionRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "RoundAccess_roundId_idx" ON "RoundAccess"("roundId");

CREATE INDEX "InspectionRound_inspectedUnitId_idx" ON "InspectionRound"("inspectedUnitId");

-- Backfill: an existing deployment served one unit. Its accounts keep seeing what they saw:
-- a unit account joins its person's organisation, or (when the database holds the rounds of one
-- unit only) that unit; inspection-team accounts are given every existing round.
UPDATE "User" SET "organizationId" = (SELECT p."organizationId" FROM "Person" p WHERE p."id" = "User"."personId")
  WHERE "organizationId" IS NULL AND "personId" IS NOT NULL AND "role" IN ('office', 'leader', 'officer');
UPDATE "User" SET "organizationId" = (SELECT MIN(r."inspectedUnitId") FROM "InspectionRound" r)
  WHERE "organizationId" IS NULL AND "role" IN ('office', 'leader', 'officer')
    AND (SELECT COUNT(DISTINCT r."inspectedUnitId") FROM "InspectionRound" r) = 1;
INSERT INTO "RoundAccess" ("userId", "roundId") SELECT u."id", r."id" FROM "User" u CROSS JOIN "InspectionRound" r WHERE u."role" = 'inspector';
