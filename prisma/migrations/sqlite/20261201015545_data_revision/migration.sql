-- CreateTable
CREATE TABLE "DataRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "n" BIGINT NOT NULL DEFAULT 0,
    "tx" BIGINT
);

-- Written by hand below (triggers, which schema.prisma cannot say). The one revision row, and a
-- trigger on every table the read answers can show (everything but ProgressUpdate — a progress
-- update writes its measure in the same transaction —, Evidence, Session, AuditLog, Notification,
-- JobLease, RateCounter and this table): whatever writes such a row, an API route, a job, an import
-- or a maintenance statement, moves the revision in the same transaction, so the response cache
-- (apps/api/src/lib/response-cache.ts) keyed on it never serves an answer older than the data.
-- apps/api/test/revision.suite.ts checks that every table has its trigger or is listed as unwatched.
INSERT INTO "DataRevision" ("id", "n") VALUES (1, 0);
CREATE TRIGGER "Organization_revision_insert" AFTER INSERT ON "Organization" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Organization_revision_update" AFTER UPDATE ON "Organization" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Organization_revision_delete" AFTER DELETE ON "Organization" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Department_revision_insert" AFTER INSERT ON "Department" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Department_revision_update" AFTER UPDATE ON "Department" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Department_revision_delete" AFTER DELETE ON "Department" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Person_revision_insert" AFTER INSERT ON "Person" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Person_revision_update" AFTER UPDATE ON "Person" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Person_revision_delete" AFTER DELETE ON "Person" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "InspectionRound_revision_insert" AFTER INSERT ON "InspectionRound" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "InspectionRound_revision_update" AFTER UPDATE ON "InspectionRound" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "InspectionRound_revision_delete" AFTER DELETE ON "InspectionRound" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ReportSubmission_revision_insert" AFTER INSERT ON "ReportSubmission" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ReportSubmission_revision_update" AFTER UPDATE ON "ReportSubmission" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ReportSubmission_revision_delete" AFTER DELETE ON "ReportSubmission" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RoundAccess_revision_insert" AFTER INSERT ON "RoundAccess" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RoundAccess_revision_update" AFTER UPDATE ON "RoundAccess" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RoundAccess_revision_delete" AFTER DELETE ON "RoundAccess" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Category_revision_insert" AFTER INSERT ON "Category" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Category_revision_update" AFTER UPDATE ON "Category" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Category_revision_delete" AFTER DELETE ON "Category" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Problem_revision_insert" AFTER INSERT ON "Problem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Problem_revision_update" AFTER UPDATE ON "Problem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Problem_revision_delete" AFTER DELETE ON "Problem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Manifestation_revision_insert" AFTER INSERT ON "Manifestation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Manifestation_revision_update" AFTER UPDATE ON "Manifestation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Manifestation_revision_delete" AFTER DELETE ON "Manifestation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Measure_revision_insert" AFTER INSERT ON "Measure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Measure_revision_update" AFTER UPDATE ON "Measure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Measure_revision_delete" AFTER DELETE ON "Measure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "MeasureCoDepartment_revision_insert" AFTER INSERT ON "MeasureCoDepartment" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "MeasureCoDepartment_revision_update" AFTER UPDATE ON "MeasureCoDepartment" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "MeasureCoDepartment_revision_delete" AFTER DELETE ON "MeasureCoDepartment" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "OutcomeFigure_revision_insert" AFTER INSERT ON "OutcomeFigure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "OutcomeFigure_revision_update" AFTER UPDATE ON "OutcomeFigure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "OutcomeFigure_revision_delete" AFTER DELETE ON "OutcomeFigure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Regulation_revision_insert" AFTER INSERT ON "Regulation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Regulation_revision_update" AFTER UPDATE ON "Regulation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Regulation_revision_delete" AFTER DELETE ON "Regulation" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RegulationMeasure_revision_insert" AFTER INSERT ON "RegulationMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RegulationMeasure_revision_update" AFTER UPDATE ON "RegulationMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "RegulationMeasure_revision_delete" AFTER DELETE ON "RegulationMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Meeting_revision_insert" AFTER INSERT ON "Meeting" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Meeting_revision_update" AFTER UPDATE ON "Meeting" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Meeting_revision_delete" AFTER DELETE ON "Meeting" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "LeadingGroupMember_revision_insert" AFTER INSERT ON "LeadingGroupMember" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "LeadingGroupMember_revision_update" AFTER UPDATE ON "LeadingGroupMember" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "LeadingGroupMember_revision_delete" AFTER DELETE ON "LeadingGroupMember" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClosureRequest_revision_insert" AFTER INSERT ON "ClosureRequest" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClosureRequest_revision_update" AFTER UPDATE ON "ClosureRequest" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ClosureRequest_revision_delete" AFTER DELETE ON "ClosureRequest" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Postponement_revision_insert" AFTER INSERT ON "Postponement" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Postponement_revision_update" AFTER UPDATE ON "Postponement" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "Postponement_revision_delete" AFTER DELETE ON "Postponement" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNotice_revision_insert" AFTER INSERT ON "SupervisionNotice" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNotice_revision_update" AFTER UPDATE ON "SupervisionNotice" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNotice_revision_delete" AFTER DELETE ON "SupervisionNotice" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNoticeMeasure_revision_insert" AFTER INSERT ON "SupervisionNoticeMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNoticeMeasure_revision_update" AFTER UPDATE ON "SupervisionNoticeMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "SupervisionNoticeMeasure_revision_delete" AFTER DELETE ON "SupervisionNoticeMeasure" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUp_revision_insert" AFTER INSERT ON "FollowUp" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUp_revision_update" AFTER UPDATE ON "FollowUp" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUp_revision_delete" AFTER DELETE ON "FollowUp" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpCategory_revision_insert" AFTER INSERT ON "FollowUpCategory" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpCategory_revision_update" AFTER UPDATE ON "FollowUpCategory" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpCategory_revision_delete" AFTER DELETE ON "FollowUpCategory" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpItem_revision_insert" AFTER INSERT ON "FollowUpItem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpItem_revision_update" AFTER UPDATE ON "FollowUpItem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "FollowUpItem_revision_delete" AFTER DELETE ON "FollowUpItem" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_revision_insert" AFTER INSERT ON "User" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_revision_update" AFTER UPDATE ON "User" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "User_revision_delete" AFTER DELETE ON "User" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ShareLink_revision_insert" AFTER INSERT ON "ShareLink" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ShareLink_revision_update" AFTER UPDATE ON "ShareLink" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "ShareLink_revision_delete" AFTER DELETE ON "ShareLink" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicPage_revision_insert" AFTER INSERT ON "PublicPage" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicPage_revision_update" AFTER UPDATE ON "PublicPage" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicPage_revision_delete" AFTER DELETE ON "PublicPage" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicOpinion_revision_insert" AFTER INSERT ON "PublicOpinion" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicOpinion_revision_update" AFTER UPDATE ON "PublicOpinion" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
CREATE TRIGGER "PublicOpinion_revision_delete" AFTER DELETE ON "PublicOpinion" BEGIN UPDATE "DataRevision" SET "n" = "n" + 1 WHERE "id" = 1; END;
