-- CreateTable
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL,
    "n" BIGINT NOT NULL DEFAULT 0,
    "tx" BIGINT,

    CONSTRAINT "DataRevision_pkey" PRIMARY KEY ("id")
);

-- Written by hand below (triggers, which schema.prisma cannot say). The one revision row, and a
-- trigger on every table the read answers can show (everything but ProgressUpdate — a progress
-- update writes its measure in the same transaction —, Evidence, Session, AuditLog, Notification,
-- JobLease, RateCounter and this table): whatever writes such a row, an API route, a job, an import
-- or a maintenance statement, moves the revision in the same transaction, so the response cache
-- (apps/api/src/lib/response-cache.ts) keyed on it never serves an answer older than the data.
-- apps/api/test/revision.suite.ts checks that every table has its trigger or is listed as unwatched.
INSERT INTO "DataRevision" ("id", "n") VALUES (1, 0);
-- On PostgreSQL the trigger is a deferred constraint trigger: it runs at commit, so the revision
-- row is locked only while a transaction commits (not from its first write), and `tx` makes a
-- transaction add 1 once however many rows it wrote. Bumps are serialised by the row's lock, in
-- commit order: a reader that sees revision n sees every transaction that set n or less.
CREATE FUNCTION "rectify_bump_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataRevision" SET "n" = "n" + 1, "tx" = txid_current() WHERE "id" = 1 AND "tx" IS DISTINCT FROM txid_current();
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "Organization_revision" AFTER INSERT OR UPDATE OR DELETE ON "Organization" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Department_revision" AFTER INSERT OR UPDATE OR DELETE ON "Department" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Person_revision" AFTER INSERT OR UPDATE OR DELETE ON "Person" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "InspectionRound_revision" AFTER INSERT OR UPDATE OR DELETE ON "InspectionRound" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "ReportSubmission_revision" AFTER INSERT OR UPDATE OR DELETE ON "ReportSubmission" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "RoundAccess_revision" AFTER INSERT OR UPDATE OR DELETE ON "RoundAccess" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Category_revision" AFTER INSERT OR UPDATE OR DELETE ON "Category" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Problem_revision" AFTER INSERT OR UPDATE OR DELETE ON "Problem" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Manifestation_revision" AFTER INSERT OR UPDATE OR DELETE ON "Manifestation" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Measure_revision" AFTER INSERT OR UPDATE OR DELETE ON "Measure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "MeasureCoDepartment_revision" AFTER INSERT OR UPDATE OR DELETE ON "MeasureCoDepartment" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "OutcomeFigure_revision" AFTER INSERT OR UPDATE OR DELETE ON "OutcomeFigure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Regulation_revision" AFTER INSERT OR UPDATE OR DELETE ON "Regulation" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "RegulationMeasure_revision" AFTER INSERT OR UPDATE OR DELETE ON "RegulationMeasure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Meeting_revision" AFTER INSERT OR UPDATE OR DELETE ON "Meeting" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "LeadingGroupMember_revision" AFTER INSERT OR UPDATE OR DELETE ON "LeadingGroupMember" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "ClosureRequest_revision" AFTER INSERT OR UPDATE OR DELETE ON "ClosureRequest" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "Postponement_revision" AFTER INSERT OR UPDATE OR DELETE ON "Postponement" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "SupervisionNotice_revision" AFTER INSERT OR UPDATE OR DELETE ON "SupervisionNotice" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "SupervisionNoticeMeasure_revision" AFTER INSERT OR UPDATE OR DELETE ON "SupervisionNoticeMeasure" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "FollowUp_revision" AFTER INSERT OR UPDATE OR DELETE ON "FollowUp" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "FollowUpCategory_revision" AFTER INSERT OR UPDATE OR DELETE ON "FollowUpCategory" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "FollowUpItem_revision" AFTER INSERT OR UPDATE OR DELETE ON "FollowUpItem" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "User_revision" AFTER INSERT OR UPDATE OR DELETE ON "User" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "ShareLink_revision" AFTER INSERT OR UPDATE OR DELETE ON "ShareLink" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "PublicPage_revision" AFTER INSERT OR UPDATE OR DELETE ON "PublicPage" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
CREATE CONSTRAINT TRIGGER "PublicOpinion_revision" AFTER INSERT OR UPDATE OR DELETE ON "PublicOpinion" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "rectify_bump_revision"();
