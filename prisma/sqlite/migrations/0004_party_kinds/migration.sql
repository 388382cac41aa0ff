-- Issue 17: every call is kept whatever its parties are. Each party gets its kind and its raw value
-- (caller/callee/target keep the E.164 form, or null); an unknown duration is null, not 0; a
-- repaired flag marks numbers restored from spreadsheet damage; cases and templates carry a region.
-- SQLite cannot drop NOT NULL from duration_seconds in place: call_records is rebuilt (same ids,
-- same indexes; nothing references it by foreign key).

ALTER TABLE "cases" ADD COLUMN "region" TEXT;
ALTER TABLE "layout_templates" ADD COLUMN "region" TEXT;
ALTER TABLE "contacts" ADD COLUMN "kind" TEXT;
UPDATE "contacts" SET "kind" = 'e164';

CREATE TABLE "new_call_records" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "job_id" TEXT NOT NULL,
    "case_id" INTEGER NOT NULL DEFAULT 0,
    "content_hash" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT,
    "duration_seconds" INTEGER,
    "caller" TEXT,
    "callee" TEXT,
    "direction" TEXT,
    "record_type" TEXT NOT NULL,
    "target" TEXT,
    "dialed_digits" TEXT,
    "imei" TEXT,
    "imsi" TEXT,
    "cell_first" TEXT,
    "cell_last" TEXT,
    "caller_kind" TEXT,
    "caller_raw" TEXT,
    "callee_kind" TEXT,
    "callee_raw" TEXT,
    "target_kind" TEXT,
    "target_raw" TEXT,
    "repaired" BOOLEAN NOT NULL DEFAULT false,
    "carrier" TEXT,
    "duplicate_of" INTEGER,
    CONSTRAINT "call_records_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingestion_jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Records stored before kinds existed had E.164 parties or none: say so (their raw spelling is not known).
INSERT INTO "new_call_records" ("id", "job_id", "case_id", "content_hash", "line", "start_time", "end_time", "duration_seconds",
    "caller", "callee", "direction", "record_type", "target", "dialed_digits", "imei", "imsi", "cell_first", "cell_last",
    "caller_kind", "callee_kind", "target_kind", "carrier", "duplicate_of")
  SELECT "id", "job_id", "case_id", "content_hash", "line", "start_time", "end_time", "duration_seconds",
    "caller", "callee", "direction", "record_type", "target", "dialed_digits", "imei", "imsi", "cell_first", "cell_last",
    CASE WHEN "caller" IS NULL THEN NULL ELSE 'e164' END, CASE WHEN "callee" IS NULL THEN NULL ELSE 'e164' END,
    CASE WHEN "target" IS NULL THEN NULL ELSE 'e164' END, "carrier", "duplicate_of"
  FROM "call_records";
DROP TABLE "call_records";
ALTER TABLE "new_call_records" RENAME TO "call_records";
CREATE UNIQUE INDEX "call_records_case_id_content_hash_key" ON "call_records"("case_id", "content_hash");
CREATE INDEX "call_records_job_id_start_time_idx" ON "call_records"("job_id", "start_time");
CREATE INDEX "call_records_case_id_target_start_time_idx" ON "call_records"("case_id", "target", "start_time");
