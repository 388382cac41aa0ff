-- Issue 20: contacts.case_id stops being a foreign key; a trigger deletes a case's contacts instead.
--
-- Why: as call_records.job_id (0013), the key was checked once per written contact, and a tower
-- dump writes ~200,000 contacts at once: COPY of 216,891 contacts took 2.9 s with the key and
-- 1.3 s without (docs/benchmarks.md, "PostgreSQL load"). Every writer of contacts takes
-- lockCaseTarget first (lib/db/pg-post-load.ts), which now locks the case row as the key did
-- (FOR KEY SHARE: the case cannot be deleted under it) and stops when the case is gone.
-- ON DELETE CASCADE is kept as this trigger.

ALTER TABLE "contacts" DROP CONSTRAINT "contacts_case_id_fkey";

CREATE FUNCTION "cases_delete_contacts"() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
    DELETE FROM "contacts" WHERE "case_id" = OLD."id";
    RETURN OLD;
END
$$;

CREATE TRIGGER "cases_delete_contacts" AFTER DELETE ON "cases"
    FOR EACH ROW EXECUTE FUNCTION "cases_delete_contacts"();
