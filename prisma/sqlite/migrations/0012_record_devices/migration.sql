-- Issue 20: the handset and subscriber look-ups (GET /api/records?imei= / ?imsi=) move from two
-- indexes on call_records to a table of their own, written once per file in key order.
--
-- Why: the (case_id, imei) and (case_id, imsi) indexes took an entry per record at the record's
-- device, all over each index: a 1M-row file of 50 targets (50 handsets) loaded in 28 s with them
-- and 16 s without; with ~1,000 handsets one such index alone cost 21 s instead of 4 s per million
-- rows, and a tower dump (a new handset on nearly every row) rewrote pages at random on every
-- commit. record_devices gets a file's entries at the end of its load, sorted by (kind, value,
-- record id) (lib/db/sqlite-record-devices.ts), and each entry is a run of consecutive record ids
-- with the same value: a file of one handset is one entry per kind, not one per record.
-- PostgreSQL keeps its two indexes (docs/benchmarks.md).

DROP INDEX "call_records_case_id_imei_idx";
DROP INDEX "call_records_case_id_imsi_idx";

-- CreateTable
CREATE TABLE "record_devices" (
    "case_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "first_id" INTEGER NOT NULL,
    "last_id" INTEGER NOT NULL,

    PRIMARY KEY ("case_id", "kind", "value", "first_id")
) WITHOUT ROWID;

-- The records already stored: runs of consecutive ids per (case, job, value) (id minus the row's
-- rank among its value's records is constant along a run). A run never spans two jobs: a purged
-- job's entries are those whose first id is one of its records.
INSERT INTO "record_devices" ("case_id", "kind", "value", "first_id", "last_id")
SELECT "case_id", 'imei', "v", MIN("id"), MAX("id") FROM (
    SELECT "case_id", "job_id", "imei" AS "v", "id", "id" - ROW_NUMBER() OVER (PARTITION BY "case_id", "job_id", "imei" ORDER BY "id") AS "run"
    FROM "call_records" WHERE "imei" IS NOT NULL AND "imei" <> ''
) GROUP BY "case_id", "job_id", "v", "run" ORDER BY 1, 3, 4;
INSERT INTO "record_devices" ("case_id", "kind", "value", "first_id", "last_id")
SELECT "case_id", 'imsi', "v", MIN("id"), MAX("id") FROM (
    SELECT "case_id", "job_id", "imsi" AS "v", "id", "id" - ROW_NUMBER() OVER (PARTITION BY "case_id", "job_id", "imsi" ORDER BY "id") AS "run"
    FROM "call_records" WHERE "imsi" IS NOT NULL AND "imsi" <> ''
) GROUP BY "case_id", "job_id", "v", "run" ORDER BY 1, 3, 4;

-- Deleting a case deletes its device entries (as its records, cases_delete_contents). Record ids
-- are AUTOINCREMENT, never reused: an entry left behind by a record deleted some other way can
-- never name another record (look-ups read the records by id).
CREATE TRIGGER "cases_delete_record_devices" AFTER DELETE ON "cases" BEGIN
    DELETE FROM "record_devices" WHERE "case_id" = OLD."id";
END;
