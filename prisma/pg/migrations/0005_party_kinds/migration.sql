-- Issue 17: every call is kept whatever its parties are. Each party gets its kind and its raw value
-- (caller/callee/target keep the E.164 form, or null); an unknown duration is null, not 0; a
-- repaired flag marks numbers restored from spreadsheet damage; cases and templates carry a region.

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "region" TEXT;

-- AlterTable
ALTER TABLE "call_records" ADD COLUMN     "callee_kind" TEXT,
ADD COLUMN     "callee_raw" TEXT,
ADD COLUMN     "caller_kind" TEXT,
ADD COLUMN     "caller_raw" TEXT,
ADD COLUMN     "repaired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "target_kind" TEXT,
ADD COLUMN     "target_raw" TEXT,
ALTER COLUMN "duration_seconds" DROP NOT NULL;

-- Records stored before kinds existed had E.164 parties or none: say so (their raw spelling is not known).
UPDATE "call_records" SET "caller_kind" = CASE WHEN "caller" IS NULL THEN NULL ELSE 'e164' END,
                          "callee_kind" = CASE WHEN "callee" IS NULL THEN NULL ELSE 'e164' END,
                          "target_kind" = CASE WHEN "target" IS NULL THEN NULL ELSE 'e164' END
 WHERE "caller" IS NOT NULL OR "callee" IS NOT NULL OR "target" IS NOT NULL;

-- AlterTable
ALTER TABLE "contacts" ADD COLUMN     "kind" TEXT;
UPDATE "contacts" SET "kind" = 'e164';

-- AlterTable
ALTER TABLE "layout_templates" ADD COLUMN     "region" TEXT;
