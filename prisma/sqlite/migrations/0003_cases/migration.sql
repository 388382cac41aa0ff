-- Cases (issue 16): the case is the unit of access, deduplication and analysis.
-- Existing jobs move into one case per uploader (jobs without one, loaded by the CLI or whose
-- uploader was deleted, into the case named "default"); every record keeps its content key, which
-- was unique in the whole database and so is unique within its case. Contacts are recounted per
-- case; near-duplicate links between records that now sit in different cases are cleared (each case
-- counts its own copy). Hand-written: the columns that must not lose rows are added in place, and
-- no parent table is rebuilt (a DROP of ingestion_jobs would cascade to every record).

-- CreateTable
CREATE TABLE "cases" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "created_by" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL
);
CREATE INDEX "cases_name_idx" ON "cases"("name");

-- CreateTable
CREATE TABLE "case_members" (
    "case_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'analyst',
    "added_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY ("case_id", "user_id"),
    CONSTRAINT "case_members_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "case_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "case_members_user_id_idx" ON "case_members"("user_id");

ALTER TABLE "users" ADD COLUMN "last_case_id" INTEGER;

-- One case per uploader, and "default" for jobs without one.
INSERT INTO "cases" ("name", "description", "created_by", "created_at", "updated_at")
  SELECT 'default', 'Files loaded from the command line or by users since deleted.', NULL, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
   WHERE EXISTS (SELECT 1 FROM "ingestion_jobs" WHERE "user_id" IS NULL);
INSERT INTO "cases" ("name", "description", "created_by", "created_at", "updated_at")
  SELECT u."name" || '''s files', 'Every file ' || u."name" || ' had loaded before cases were introduced.', u."id", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
    FROM "users" u WHERE EXISTS (SELECT 1 FROM "ingestion_jobs" j WHERE j."user_id" = u."id") ORDER BY u."created_at", u."id";
INSERT INTO "case_members" ("case_id", "user_id", "role")
  SELECT c."id", u."id", CASE WHEN u."role" IN ('reviewer', 'admin') THEN 'reviewer' ELSE 'analyst' END
    FROM "cases" c JOIN "users" u ON u."id" = c."created_by";
UPDATE "users" SET "last_case_id" = (SELECT c."id" FROM "cases" c WHERE c."created_by" = "users"."id");

-- Jobs (no foreign key in SQLite: ALTER TABLE cannot add one to a NOT NULL column, and rebuilding
-- the table would cascade; the trigger below deletes a case's jobs instead).
ALTER TABLE "ingestion_jobs" ADD COLUMN "case_id" INTEGER NOT NULL DEFAULT 0;
UPDATE "ingestion_jobs" SET "case_id" = COALESCE(
  (SELECT c."id" FROM "cases" c WHERE c."created_by" = "ingestion_jobs"."user_id"),
  (SELECT c."id" FROM "cases" c WHERE c."created_by" IS NULL AND c."name" = 'default'));
CREATE INDEX "ingestion_jobs_case_id_created_at_idx" ON "ingestion_jobs"("case_id", "created_at");

-- Records: the case id, the per-case content key, the per-case target index.
ALTER TABLE "call_records" ADD COLUMN "case_id" INTEGER NOT NULL DEFAULT 0;
UPDATE "call_records" SET "case_id" = (SELECT j."case_id" FROM "ingestion_jobs" j WHERE j."id" = "call_records"."job_id");
DROP INDEX "call_records_content_hash_key";
CREATE UNIQUE INDEX "call_records_case_id_content_hash_key" ON "call_records"("case_id", "content_hash");
DROP INDEX "call_records_target_start_time_idx";
CREATE INDEX "call_records_case_id_target_start_time_idx" ON "call_records"("case_id", "target", "start_time");
-- Near-duplicate links never cross cases. Records whose primary now sits in another case are
-- regrouped in their own case: the earliest of them (per old primary) counts, the others of that
-- case point at it, so the two legs of one call in one case are still counted once. Links to a
-- record that no longer exists (its job deleted) are cleared: nothing would count the call.
CREATE TEMP TABLE "orphaned_links" AS
  SELECT r."id" AS "id", r."case_id" AS "case_id", r."duplicate_of" AS "old"
    FROM "call_records" r JOIN "call_records" p ON p."id" = r."duplicate_of"
   WHERE p."case_id" <> r."case_id";
UPDATE "call_records" SET "duplicate_of" = (
  SELECT NULLIF(MIN(o2."id"), "call_records"."id") FROM "orphaned_links" o
    JOIN "orphaned_links" o2 ON o2."old" = o."old" AND o2."case_id" = o."case_id"
   WHERE o."id" = "call_records"."id")
 WHERE "id" IN (SELECT "id" FROM "orphaned_links");
DROP TABLE "orphaned_links";
UPDATE "call_records" SET "duplicate_of" = NULL
 WHERE "duplicate_of" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "call_records" p WHERE p."id" = "call_records"."duplicate_of");

-- Contacts, recounted per case (as refreshContactsSqlite counts them).
DROP TABLE "contacts";
CREATE TABLE "contacts" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "first_seen" TEXT NOT NULL,
    "last_seen" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX "contacts_case_id_target_number_key" ON "contacts"("case_id", "target", "number");
INSERT INTO "contacts" ("case_id", "target", "number", "first_seen", "last_seen", "calls", "messages")
  SELECT "case_id", COALESCE("target", ''), "num", MIN("start_time"), MAX("start_time"),
         SUM(CASE WHEN "record_type" = 'voice' THEN 1 ELSE 0 END),
         SUM(CASE WHEN "record_type" IN ('sms', 'mms') THEN 1 ELSE 0 END)
    FROM (SELECT "case_id", "target", CASE WHEN "caller" = "target" THEN "callee" ELSE "caller" END AS "num", "start_time", "record_type"
            FROM "call_records" WHERE "duplicate_of" IS NULL)
   WHERE "num" IS NOT NULL AND "num" IS NOT "target"
   GROUP BY "case_id", COALESCE("target", ''), "num";

DROP TABLE "contact_coverage";
CREATE TABLE "contact_coverage" (
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "max_record_id" INTEGER NOT NULL,
    "records" INTEGER NOT NULL,
    PRIMARY KEY ("case_id", "target")
);

-- Gaps belong to a case's target now (found across all its files), not to one job.
CREATE TABLE "new_timeline_gaps" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "from_time" TEXT NOT NULL,
    "to_time" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "ratio" REAL NOT NULL
);
INSERT INTO "new_timeline_gaps" ("case_id", "target", "from_time", "to_time", "seconds", "ratio")
  SELECT j."case_id", g."target", g."from_time", g."to_time", g."seconds", g."ratio"
    FROM "timeline_gaps" g JOIN "ingestion_jobs" j ON j."id" = g."job_id";
DROP TABLE "timeline_gaps";
ALTER TABLE "new_timeline_gaps" RENAME TO "timeline_gaps";
CREATE INDEX "timeline_gaps_case_id_target_idx" ON "timeline_gaps"("case_id", "target");

-- Deleting a case deletes everything in it (its jobs cascade to their records, errors, classifications).
CREATE TRIGGER "cases_delete_contents" AFTER DELETE ON "cases" BEGIN
  DELETE FROM "ingestion_jobs" WHERE "case_id" = OLD."id";
  DELETE FROM "contacts" WHERE "case_id" = OLD."id";
  DELETE FROM "contact_coverage" WHERE "case_id" = OLD."id";
  DELETE FROM "timeline_gaps" WHERE "case_id" = OLD."id";
  UPDATE "users" SET "last_case_id" = NULL WHERE "last_case_id" = OLD."id";
END;
