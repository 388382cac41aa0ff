import { gapThresholdsSuite } from "../support/gap-thresholds-suite";
import { caseSqliteHarness } from "../support/case-sqlite";

/** Issue 21 on a fresh SQLite file: gaps across files under a per-target threshold, and device changes on the timeline. */
const { tmp, db, read, load } = caseSqliteHarness();

gapThresholdsSuite("SQLite", () => ({
  db,
  dir: tmp.dir,
  async load(file, caseId) {
    const { outcome, row } = await load(file, caseId);
    if (row.status !== "completed") throw new Error(`${file}: ${row.status} ${outcome?.error?.message ?? ""}`);
  },
  startTimes: async (caseId, target) =>
    read.prepare(`SELECT start_time FROM call_records WHERE case_id = ? AND target = ? AND duplicate_of IS NULL ORDER BY start_time`).pluck().all(caseId, target) as string[],
}));
