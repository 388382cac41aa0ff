import fs from "node:fs";
import path from "node:path";
import { afterAll, expect } from "vitest";
import { openSqlite } from "../../lib/db/open-sqlite";
import { getDb } from "../../lib/db/prisma";
import { DEFAULT_GAP_THRESHOLD, findTimelineGaps } from "../../lib/ingest/timeline-gaps";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { createRng } from "../fuzz/prng";
import { tempDataDir } from "./temp-db";

/**
 * One SQLite database of cases for a test file (removed after it), AT&T-style files of one target,
 * loading through executeJob, and what the database then holds: counts per job and case, and the
 * case's contacts and gaps checked against a recount of its records (expectConsistent).
 * Shared by tests/integration/cases-sqlite.test.ts and cancel-sqlite.test.ts.
 */
export function caseSqliteHarness() {
  const tmp = tempDataDir("switchyard-cases-");
  const db = getDb(tmp.databaseUrl);
  const dbFile = tmp.databaseUrl.slice("file:".length);
  const read = openSqlite(dbFile);

  const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

  let caseSeq = 0;
  const newCase = async (name = `case ${++caseSeq}`) => (await db.case.create({ data: { name } })).id;

  // ─── Files ────────────────────────────────────────────────────────────────────────────────────

  const TARGET = "7133537623";
  const T = `+1${TARGET}`;
  const ATT_HEADER = "Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location";
  const OTHERS = ["2125550147", "3125550111", "6175550123", "4155550190", "2025550133", "3035550166", "7185550199", "9175550121"];
  const pad2 = (n: number) => String(n).padStart(2, "0");

  /**
   * An AT&T subpoena return of TARGET: `rows` calls `stepSeconds` apart (±30 %) from `startMs`;
   * the rows at `bad` have an unreadable originating number (row errors).
   */
  function attFile(name: string, opts: { rows: number; startMs: number; stepSeconds: number; seed: number; bad?: number[] }): string {
    const rnd = createRng(opts.seed).next;
    const lines = ["AT&T Subpoena Compliance", `Target: ${TARGET}`, "All times shown in UTC", "", ATT_HEADER];
    let t = opts.startMs / 1000;
    const bad = new Set(opts.bad ?? []);
    for (let i = 1; i <= opts.rows; i++) {
      t += Math.max(1, Math.round(opts.stepSeconds * (0.7 + 0.6 * rnd())));
      const d = new Date(t * 1000);
      const date = `${pad2(d.getUTCMonth() + 1)}/${pad2(d.getUTCDate())}/${pad2(d.getUTCFullYear() % 100)}`;
      const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
      const other = OTHERS[Math.floor(rnd() * rnd() * OTHERS.length)]!;
      const out = rnd() < 0.5;
      const secs = 1 + Math.floor(rnd() * 600);
      const orig = bad.has(i) ? "N/A" : out ? TARGET : other;
      lines.push(
        [
          i,
          date,
          time,
          "0:01",
          `${Math.floor(secs / 60)}:${pad2(secs % 60)}`,
          orig,
          out ? other : TARGET,
          "814901191455192",
          "310287764668549",
          out ? "MO" : "MT",
          "[]",
          "12345-1",
        ].join(","),
      );
    }
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, lines.join("\r\n") + "\r\n");
    return file;
  }

  async function load(file: string, caseId: number, run: TaskRunner = inline, mapping?: Parameters<typeof createJob>[1]["mapping"]) {
    const job = await createJob(db, { fileName: path.basename(file), storedPath: file, sha256: "t", sizeBytes: fs.statSync(file).size, caseId, mapping });
    const outcome = await executeJob(db, tmp.databaseUrl, job.id, run, silentJobEvents);
    const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id } });
    return { jobId: job.id, outcome, row };
  }

  // ─── What the database holds ─────────────────────────────────────────────────────────────────

  const recordsOf = (jobId: string) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE job_id = ?`).pluck().get(jobId) as number;
  const errorsOf = (jobId: string) => read.prepare(`SELECT COUNT(*) FROM ingestion_errors WHERE job_id = ?`).pluck().get(jobId) as number;
  const recordsIn = (caseId: number) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ?`).pluck().get(caseId) as number;
  const contactsIn = (caseId: number) =>
    read.prepare(`SELECT target, number, kind, first_seen, last_seen, calls, messages FROM contacts WHERE case_id = ? ORDER BY target, number`).all(caseId);
  /** The gaps the default threshold reports (what a case without thresholds shows). */
  const gapsIn = (caseId: number) =>
    read
      .prepare(`SELECT target, from_time, to_time, seconds, ratio FROM timeline_gaps WHERE case_id = ? AND seconds >= ? AND ratio >= ? ORDER BY target, from_time`)
      .all(caseId, DEFAULT_GAP_THRESHOLD.minSeconds, DEFAULT_GAP_THRESHOLD.minRatio);
  /** Every stored candidate silence (an hour or more), reported or not. */
  const candidatesIn = (caseId: number) =>
    read.prepare(`SELECT target, from_time, to_time, seconds, ratio FROM timeline_gaps WHERE case_id = ? ORDER BY target, from_time`).all(caseId);
  const linksIn = (caseId: number) => read.prepare(`SELECT COUNT(*) FROM call_records WHERE case_id = ? AND duplicate_of IS NOT NULL`).pluck().get(caseId) as number;

  /** Contacts as a recount of the case's stored records gives them (the rule of refreshContactsSqlite). */
  function recountedContacts(caseId: number) {
    return read
      .prepare(
        `SELECT COALESCE(target, '') AS target, num AS number, MIN(kind) AS kind, MIN(start_time) AS first_seen, MAX(start_time) AS last_seen,
                SUM(record_type = 'voice') AS calls, SUM(record_type IN ('sms', 'mms')) AS messages
           FROM (SELECT target, CASE WHEN caller = target THEN COALESCE(callee, callee_raw) ELSE COALESCE(caller, caller_raw) END AS num,
                        CASE WHEN caller = target THEN callee_kind ELSE caller_kind END AS kind, start_time, record_type
                   FROM call_records WHERE case_id = ? AND duplicate_of IS NULL)
          WHERE num IS NOT NULL AND num IS NOT target GROUP BY target, num ORDER BY 1, 2`,
      )
      .all(caseId);
  }

  /** Candidate gaps as a pass over all the case's counted records of each target gives them. */
  function recomputedGaps(caseId: number) {
    const targets = read.prepare(`SELECT DISTINCT COALESCE(target, '') FROM call_records WHERE case_id = ? ORDER BY 1`).pluck().all(caseId) as string[];
    const times = read.prepare(`SELECT start_time FROM call_records WHERE case_id = ? AND COALESCE(target, '') = ? AND duplicate_of IS NULL ORDER BY start_time`).pluck();
    return targets.flatMap((target) =>
      findTimelineGaps(() => times.iterate(caseId, target) as Iterable<string>).map((g) => ({ target, from_time: g.from, to_time: g.to, seconds: g.seconds, ratio: g.ratio })),
    );
  }

  function expectConsistent(caseId: number) {
    expect(contactsIn(caseId)).toEqual(recountedContacts(caseId));
    expect(candidatesIn(caseId)).toEqual(recomputedGaps(caseId));
    // No link points at a record that is gone, or into another case.
    expect(
      read
        .prepare(
          `SELECT COUNT(*) FROM call_records r LEFT JOIN call_records p ON p.id = r.duplicate_of WHERE r.case_id = ? AND r.duplicate_of IS NOT NULL AND (p.id IS NULL OR p.case_id <> r.case_id)`,
        )
        .pluck()
        .get(caseId),
    ).toBe(0);
  }

  afterAll(async () => {
    read.close();
    await db.$disconnect();
    tmp.cleanup();
  });
  return {
    tmp,
    db,
    dbFile,
    read,
    inline,
    newCase,
    TARGET,
    T,
    attFile,
    load,
    recordsOf,
    errorsOf,
    recordsIn,
    contactsIn,
    gapsIn,
    candidatesIn,
    linksIn,
    recountedContacts,
    recomputedGaps,
    expectConsistent,
  };
}
