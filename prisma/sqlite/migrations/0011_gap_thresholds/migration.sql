-- Analytics issue 21: the analyst's rule for reporting a target's silences in a case (at least
-- min_seconds and min_ratio × the target's usual interval; no row = 24 h and 8×). From now on
-- timeline_gaps keeps every candidate silence of an hour or more and the rule applies when reading.
-- Gaps stored before this migration were kept only from 24 h: a target keeps that floor until one
-- of its files is loaded again, deleted or cancelled (its gaps are then recomputed).

-- CreateTable
CREATE TABLE "gap_thresholds" (
    "case_id" INTEGER NOT NULL,
    "target" TEXT NOT NULL,
    "min_seconds" INTEGER NOT NULL,
    "min_ratio" REAL NOT NULL,
    "updated_by" TEXT,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("case_id", "target")
);

-- Deleting a case deletes its thresholds (as its gaps, cases_delete_contents).
CREATE TRIGGER "cases_delete_gap_thresholds" AFTER DELETE ON "cases" BEGIN
  DELETE FROM "gap_thresholds" WHERE "case_id" = OLD."id";
END;
