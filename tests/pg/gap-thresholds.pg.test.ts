import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { gapThresholdsSuite } from "../support/gap-thresholds-suite";
import { pgSuite } from "../support/pg-suite";
import { tempPgSchema } from "../support/pg-test-db";

/** Issue 21 on PostgreSQL: the gap-threshold suite of tests/integration/gap-thresholds.test.ts against a fresh schema, through the COPY loader. */
const pgdb = await tempPgSchema("gap_thresholds");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-gaps-"));
const suite = pgSuite(pgdb, { dirs: [dir] });
const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

gapThresholdsSuite("PostgreSQL", () =>
  pgdb
    ? {
        get db() {
          return suite.db;
        },
        dir,
        async load(file, caseId) {
          const job = await createJob(suite.db, { fileName: path.basename(file), storedPath: file, sha256: "test", sizeBytes: fs.statSync(file).size, caseId });
          const outcome = await executeJob(suite.db, pgdb.databaseUrl, job.id, inline, silentJobEvents);
          if (outcome?.status !== "completed") throw new Error(`${file}: ${outcome?.status} ${outcome?.error?.message ?? ""}`);
        },
        startTimes: async (caseId, target) =>
          (
            await suite.sql.query<{ start_time: string }>(`SELECT start_time FROM call_records WHERE case_id = $1 AND target = $2 AND duplicate_of IS NULL ORDER BY start_time`, [
              caseId,
              target,
            ])
          ).rows.map((r) => r.start_time),
      }
    : null,
);
