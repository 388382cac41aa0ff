-- Issue 20: the handset and subscriber look-ups (GET /api/records?imei= / ?imsi=) move from two
-- indexes on call_records to a table of their own, as SQLite did in its 0012_record_devices.
--
-- Why: the (case_id, imei) and (case_id, imsi) indexes took an entry per record, written by every
-- COPY: ~25 % of a load's COPY time in the server (500,000 rows in psql: 7.8–8.1 s with them,
-- 5.8–6.4 s without; docs/benchmarks.md, "PostgreSQL load"). record_devices gets a job's entries
-- once, after its load (lib/db/pg-record-devices.ts): runs of consecutive record ids with the
-- same value (a file of one handset and one SIM is two entries), and a value of more than 2,000
-- runs in a job as one entry with last_id 0, which the look-up answers from the column.

CREATE TABLE "record_devices" (
    "case_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "first_id" INTEGER NOT NULL,
    "last_id" INTEGER NOT NULL,
    CONSTRAINT "record_devices_pkey" PRIMARY KEY ("case_id", "kind", "value", "first_id")
);

-- The records already stored: runs of consecutive ids per (case, job, value) (id minus the row's
-- rank among its value's records is constant along a run). A run never spans two jobs: a purged
-- job's entries are those whose first id is one of its records.
INSERT INTO "record_devices" ("case_id", "kind", "value", "first_id", "last_id")
SELECT "case_id", 'imei', "v", MIN("id"), MAX("id") FROM (
    SELECT "case_id", "job_id", "imei" AS "v", "id", "id" - ROW_NUMBER() OVER (PARTITION BY "case_id", "job_id", "imei" ORDER BY "id") AS "run"
    FROM "call_records" WHERE "imei" IS NOT NULL AND "imei" <> ''
) AS "runs" GROUP BY "case_id", "job_id", "v", "run" ORDER BY 1, 3, 4;
INSERT INTO "record_devices" ("case_id", "kind", "value", "first_id", "last_id")
SELECT "case_id", 'imsi', "v", MIN("id"), MAX("id") FROM (
    SELECT "case_id", "job_id", "imsi" AS "v", "id", "id" - ROW_NUMBER() OVER (PARTITION BY "case_id", "job_id", "imsi" ORDER BY "id") AS "run"
    FROM "call_records" WHERE "imsi" IS NOT NULL AND "imsi" <> ''
) AS "runs" GROUP BY "case_id", "job_id", "v", "run" ORDER BY 1, 3, 4;

DROP INDEX "call_records_case_id_imei_idx";
DROP INDEX "call_records_case_id_imsi_idx";

-- Deleting a case deletes its device entries (as its contacts, 0014). Record ids come from a
-- sequence, never reused: an entry left behind by a record deleted some other way (a job deleted
-- outright) can never name another record (look-ups read the records by id).
CREATE FUNCTION "cases_delete_record_devices"() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM "record_devices" WHERE "case_id" = OLD."id";
    RETURN OLD;
END
$$;

CREATE TRIGGER "cases_delete_record_devices" AFTER DELETE ON "cases"
    FOR EACH ROW EXECUTE FUNCTION "cases_delete_record_devices"();
