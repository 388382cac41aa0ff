-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'analyst',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingestion_jobs" (
    "id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "stored_path" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size_bytes" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "stage" TEXT,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "bytes_processed" BIGINT NOT NULL DEFAULT 0,
    "rows_read" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "format" TEXT,
    "format_mismatch" TEXT,
    "carrier" TEXT,
    "confidence" DOUBLE PRECISION,
    "timezone" TEXT,
    "target" TEXT,
    "quality_score" DOUBLE PRECISION,
    "error_code" TEXT,
    "error_message" TEXT,
    "mapping" TEXT,
    "user_id" TEXT,
    "template_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "queued_at" TIMESTAMP(3),
    "started_at" TIMESTAMP(3),
    "finished_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ingestion_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "layout_classifications" (
    "id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "header_line" INTEGER,
    "carrier" TEXT NOT NULL,
    "template_id" TEXT,
    "confidence" DOUBLE PRECISION NOT NULL,
    "timezone" TEXT,
    "target" TEXT,
    "plan" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "layout_classifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingestion_errors" (
    "id" SERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "field" TEXT,
    "code" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "raw" TEXT NOT NULL,

    CONSTRAINT "ingestion_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "call_records" (
    "id" SERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "start_time" TEXT NOT NULL,
    "end_time" TEXT,
    "duration_seconds" INTEGER NOT NULL,
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
    "carrier" TEXT,
    "duplicate_of" INTEGER,

    CONSTRAINT "call_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "id" SERIAL NOT NULL,
    "target" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "first_seen" TEXT NOT NULL,
    "last_seen" TEXT NOT NULL,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_gaps" (
    "id" SERIAL NOT NULL,
    "job_id" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "from_time" TEXT NOT NULL,
    "to_time" TEXT NOT NULL,
    "seconds" INTEGER NOT NULL,
    "ratio" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "timeline_gaps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "layout_templates" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "fingerprint" TEXT NOT NULL,
    "carrier" TEXT NOT NULL DEFAULT 'unknown',
    "header_line" INTEGER,
    "timezone" TEXT,
    "columns" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "layout_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "privacy_rules" (
    "id" TEXT NOT NULL,
    "pattern" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'number',
    "action" TEXT NOT NULL DEFAULT 'mask',
    "note" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "privacy_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" TEXT,
    "user_email" TEXT,
    "action" TEXT NOT NULL,
    "subject_type" TEXT,
    "subject_id" TEXT,
    "detail" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "ingestion_jobs_status_idx" ON "ingestion_jobs"("status");

-- CreateIndex
CREATE INDEX "ingestion_jobs_user_id_created_at_idx" ON "ingestion_jobs"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "ingestion_jobs_sha256_idx" ON "ingestion_jobs"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "layout_classifications_job_id_key" ON "layout_classifications"("job_id");

-- CreateIndex
CREATE INDEX "ingestion_errors_job_id_line_idx" ON "ingestion_errors"("job_id", "line");

-- CreateIndex
CREATE INDEX "ingestion_errors_code_idx" ON "ingestion_errors"("code");

-- CreateIndex
CREATE UNIQUE INDEX "call_records_content_hash_key" ON "call_records"("content_hash");

-- CreateIndex
CREATE INDEX "call_records_job_id_start_time_idx" ON "call_records"("job_id", "start_time");

-- CreateIndex
CREATE INDEX "call_records_target_start_time_idx" ON "call_records"("target", "start_time");



-- CreateIndex
CREATE UNIQUE INDEX "contacts_target_number_key" ON "contacts"("target", "number");

-- CreateIndex
CREATE INDEX "timeline_gaps_job_id_idx" ON "timeline_gaps"("job_id");

-- CreateIndex
CREATE INDEX "layout_templates_fingerprint_idx" ON "layout_templates"("fingerprint");

-- CreateIndex
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- AddForeignKey
ALTER TABLE "ingestion_jobs" ADD CONSTRAINT "ingestion_jobs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "layout_classifications" ADD CONSTRAINT "layout_classifications_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingestion_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ingestion_errors" ADD CONSTRAINT "ingestion_errors_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingestion_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_records" ADD CONSTRAINT "call_records_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingestion_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_gaps" ADD CONSTRAINT "timeline_gaps_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "ingestion_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

