-- Cases (issue 16): the case is the unit of access, deduplication and analysis. The same data
-- moves as in prisma/sqlite/migrations/0003_cases: one case per uploader ("default" for jobs
-- without one), content keys unique per case, contacts recounted per case, cross-case links cleared.

-- CreateTable
CREATE TABLE "cases" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "cases_name_idx" ON "cases"("name");

CREATE TABLE "case_members" (
    "case_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'analyst',
    "added_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_members_pkey" PRIMARY KEY ("case_id","user_id")
);
CREATE INDEX "case_members_user_id_idx" ON "case_members"("user_id");
ALTER TABLE "case_members" ADD CONSTRAINT "case_members_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "case_members" ADD CONSTRAINT "case_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "users" ADD COLUMN "last_case_id" INTEGER;

INSERT INTO "cases" ("name", "description", "created_by", "updated_at")
  SELECT 'default', 'Files loaded from the command line or by users since deleted.', NULL, CURRENT_TIMESTAMP
   WHERE EXISTS (SELECT 1 FROM "ingestion_jobs" WHERE "user_id" IS NULL);
INSERT INTO "cases" ("name", "description", "created_by", "updated_at")
  SELECT u."name" || '''s files', 'Every file ' || u."name" || ' had loaded before cases were introduced.', u."id", CURRENT_TIMESTAMP
    FROM "users" u WHERE EXISTS (SELECT 1 FROM "ingestion_jobs" j WHERE j."user_id" = u."id") ORDER BY u."created_at", u."id";
INSERT INTO "case_members" ("case_id", "user_id", "role")
  SELECT c."id", u."id", CASE WHEN u."role" IN ('reviewer', 'admin') THEN 'reviewer' ELSE 'analyst' END
    FROM "cases" c JOIN "users" u ON u."id" = c."created_by";
UPDATE "users" SET "last_case_id" = c."id" FROM "cases" c WHERE c."created_by" = "users"."id";

ALTER TABLE "ingestion_jobs" ADD COLUMN "case_id" INTEGER;
UPDATE "ingestion_jobs" SET "case_id" = COALESCE(
  (SELECT c."id" FROM "cases" c WHERE c."created_by" = "ingestion_jobs"."user_id"),
  (SELECT c."id" FROM "cases" c WHERE c."created_by" IS NULL AND c."name" = 'default'));
ALTER TABLE "ingestion_jobs" ALTER COLUMN "case_id" SET NOT NULL;
CREATE INDEX "ingestion_jobs_case_id_created_at_idx" ON "ingestion_jobs"("case_id", "created_at");
ALTER TABLE "ingestion_jobs" ADD CONSTRAINT "ingestion_jobs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "call_records" ADD COLUMN "case_id" INTEGER;
UPDATE "call_records" r SET "case_id" = j."case_id" FROM "ingestion_jobs" j WHERE j."id" = r."job_id";
ALTER TABLE "call_records" ALTER COLUMN "case_id" SET NOT NULL;
DROP INDEX "call_records_content_hash_key";
CREATE UNIQUE INDEX "call_records_case_id_content_hash_key" ON "call_records"("case_id", "content_hash");
DROP INDEX "call_records_target_start_time_idx";
CREATE INDEX "call_records_case_id_target_start_time_idx" ON "call_records"("case_id", "target", "start_time");
-- Near-duplicate links never cross cases. Records whose primary now sits in another case are
-- regrouped in their own case: the earliest of them (per old primary) counts, the others of that
-- case point at it, so the two legs of one call in one case are still counted once. Links to a
-- record that no longer exists (its job deleted) are cleared: nothing would count the call.
WITH "orphaned" AS (
  SELECT r."id", r."case_id", r."duplicate_of" AS "old" FROM "call_records" r
    JOIN "call_records" p ON p."id" = r."duplicate_of"
   WHERE p."case_id" <> r."case_id"
), "heads" AS (
  SELECT "old", "case_id", MIN("id") AS "head" FROM "orphaned" GROUP BY "old", "case_id"
)
UPDATE "call_records" c SET "duplicate_of" = NULLIF(h."head", c."id")
  FROM "orphaned" o JOIN "heads" h ON h."old" = o."old" AND h."case_id" = o."case_id"
 WHERE c."id" = o."id";
UPDATE "call_records" r SET "duplicate_of" = NULL
 WHERE r."duplicate_of" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "call_records" p WHERE p."id" = r."duplicate_of");

DROP TABLE "contacts";
CREATE TABLE "contacts" (
    "id" SERIAL NOT NULL,
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "first_seen" TEXT NOT NULL,
    "last_seen" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "contacts_case_id_target_number_key" ON "contacts"("case_id", "target", "number");
-- Deleting a case deletes its contacts, coverage and gaps too (records go with its jobs).
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
INSERT INTO "contacts" ("case_id", "target", "number", "first_seen", "last_seen", "calls", "messages")
  SELECT "case_id", COALESCE("target", ''), "num", MIN("start_time"), MAX("start_time"),
         SUM(CASE WHEN "record_type" = 'voice' THEN 1 ELSE 0 END)::int,
         SUM(CASE WHEN "record_type" IN ('sms', 'mms') THEN 1 ELSE 0 END)::int
    FROM (SELECT "case_id", "target", "caller" AS "num", "start_time", "record_type" FROM "call_records"
           WHERE "duplicate_of" IS NULL AND "caller" IS NOT NULL AND "caller" <> COALESCE("target", '')
          UNION ALL
          SELECT "case_id", "target", "callee" AS "num", "start_time", "record_type" FROM "call_records"
           WHERE "duplicate_of" IS NULL AND "callee" IS NOT NULL AND "callee" <> COALESCE("target", '')) n
   GROUP BY "case_id", COALESCE("target", ''), "num"; -- records without a target are one group, as in the loaders

DROP TABLE "contact_coverage";
CREATE TABLE "contact_coverage" (
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "max_record_id" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,
    CONSTRAINT "contact_coverage_pkey" PRIMARY KEY ("case_id", "target")
);
ALTER TABLE "contact_coverage" ADD CONSTRAINT "contact_coverage_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "timeline_gaps" ADD COLUMN "case_id" INTEGER;
UPDATE "timeline_gaps" g SET "case_id" = j."case_id" FROM "ingestion_jobs" j WHERE j."id" = g."job_id";
ALTER TABLE "timeline_gaps" DROP CONSTRAINT "timeline_gaps_job_id_fkey";
DROP INDEX "timeline_gaps_job_id_idx";
ALTER TABLE "timeline_gaps" DROP COLUMN "job_id";
ALTER TABLE "timeline_gaps" ALTER COLUMN "case_id" SET NOT NULL;
CREATE INDEX "timeline_gaps_case_id_target_idx" ON "timeline_gaps"("case_id", "target");
ALTER TABLE "timeline_gaps" ADD CONSTRAINT "timeline_gaps_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
