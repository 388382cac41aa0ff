-- Issue 20: call_records.job_id stops being a foreign key; a trigger deletes a job's records instead.
--
-- Why: the foreign key checked the job row once per inserted record (a lookup and a row lock per
-- row: ~15 % of a bulk INSERT's time, docs/benchmarks.md "PostgreSQL load"). The loader now checks
-- it once per flush instead, in the flush's transaction (SELECT … FOR KEY SHARE, the lock the
-- foreign key took per row: a job cannot be deleted under a flush), as the SQLite loader does per
-- commit; the row-by-row check guarded nothing else, since only the loader inserts records.
-- ON DELETE CASCADE is kept as this trigger: deleting a job (retention, a case's deletion, which
-- cascades to its jobs) deletes its records, through the (job_id, start_time) index as before.
-- prisma/pg/models.prisma still declares the relation (Prisma never reads the constraint).

ALTER TABLE "call_records" DROP CONSTRAINT "call_records_job_id_fkey";

-- SET search_path FROM CURRENT: the body finds call_records in the schema migrated here, whatever
-- search path the deleting session has.
CREATE FUNCTION "ingestion_jobs_delete_records"() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM "call_records" WHERE "job_id" = OLD."id";
    RETURN OLD;
END
$$;

CREATE TRIGGER "ingestion_jobs_delete_records" AFTER DELETE ON "ingestion_jobs"
    FOR EACH ROW EXECUTE FUNCTION "ingestion_jobs_delete_records"();
