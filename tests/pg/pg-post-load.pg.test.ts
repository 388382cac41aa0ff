import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PgLoadScanner } from "../../lib/db/pg-load-scan";
import { PG_FLUSH_ROWS } from "../../lib/db/pg-record-sink";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { recountedContactsAndGaps, storedContactsAndGaps } from "../support/pg-contacts-recount";
import { pgSuite } from "../support/pg-suite";
import { tempPgSchema } from "../support/pg-test-db";
import { writeAttFile } from "./att-files";

/**
 * The PostgreSQL post-load from the rows as they are written (pg-load-scan.ts, pg-contacts.ts,
 * pg-finish-load.ts): whatever path it takes — the scan fed while loading, the read-back of a file
 * not in time order, the contacts merged through contact_coverage, the SQL recount after a link to
 * another job — contacts and gaps must equal a recount from call_records, after every load.
 */
const pgdb = await tempPgSchema("pg_post_load");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-post-load-"));
// More than one flush per file: the order check between flushes is exercised.
const ROWS = PG_FLUSH_ROWS + 5_000;
const suite = pgSuite(pgdb, { poolSize: 3, dirs: [tmp] });

const inline: TaskRunner = (task, onProgress) => runIngestTask(task, onProgress);

type Part = Parameters<typeof writeAttFile>[1];

/**
 * An AT&T-layout file of the generator's target whose data rows are those of `parts` one after the
 * other (a part shifted by days leaves a silence: a timeline gap), newest first when `reversed`.
 */
function attFile(name: string, parts: Part[], reversed = false): string {
  const p = path.join(tmp, name);
  if (fs.existsSync(p)) return p;
  let head: string[] = [];
  const rows: string[] = [];
  for (const part of parts) {
    writeAttFile(p, part);
    const lines = fs.readFileSync(p, "utf8").split("\r\n").filter(Boolean);
    const headerAt = lines.findIndex((l) => l.startsWith("Item,"));
    head = [...lines.slice(0, headerAt), "", lines[headerAt]!];
    rows.push(...lines.slice(headerAt + 1));
  }
  if (reversed) rows.reverse();
  fs.writeFileSync(p, [...head, ...rows].join("\r\n") + "\r\n");
  return p;
}

const DAY = 86400;
/** ~ROWS rows over ~6 days, then ~2 days of silence, then the rest. */
const withGap = (seed: number, shiftSeconds = 0): Part[] => [
  { rows: ROWS - 5_000, seed, shiftSeconds },
  { rows: 5_000, seed: seed + 1000, shiftSeconds: shiftSeconds + 8 * DAY },
];

async function ingest(filePath: string, caseId: number, mapping?: typeof TWO_TARGET_MAPPING) {
  const job = await createJob(suite.db, { fileName: path.basename(filePath), storedPath: filePath, sha256: "test", sizeBytes: fs.statSync(filePath).size, caseId, mapping });
  const outcome = await executeJob(suite.db, pgdb!.databaseUrl, job.id, inline, silentJobEvents);
  expect(outcome?.status).toBe("completed");
  return { jobId: job.id, outcome: outcome! };
}

const stored = (caseId: number) => storedContactsAndGaps(suite.sql, caseId);
const recounted = (caseId: number) => recountedContactsAndGaps(suite.sql, caseId);

async function expectConsistent(caseId: number) {
  const [s, r] = [await stored(caseId), await recounted(caseId)];
  expect(s.contacts.length).toBeGreaterThan(100);
  expect(s.gaps.length).toBeGreaterThan(0);
  expect(s.contacts).toEqual(r.contacts);
  expect(s.gaps).toEqual(r.gaps);
}

/**
 * A generic CSV of two targets interleaved row by row (a multi-target delivery), `rows` rows from
 * `startMs`, with a 3-day silence halfway; the mapping is given (TWO_TARGET_MAPPING).
 */
function twoTargetFile(name: string, rows: number, seed: number, startMs: number): string {
  const p = path.join(tmp, name);
  let x = seed;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const others = Array.from({ length: 80 }, (_, i) => `${["212", "305", "415", "617", "713"][i % 5]}${200 + Math.floor(rnd() * 700)}${1000 + Math.floor(rnd() * 9000)}`);
  const lines = ["Target Number,Calling Number,Called Number,Start Time,Duration,Call Type"];
  let t = startMs;
  for (let i = 0; i < rows; i++) {
    t += i === rows >> 1 ? 3 * DAY * 1000 : (5 + Math.floor(rnd() * 55)) * 1000;
    const target = rnd() < 0.6 ? "2127364401" : "3109827712";
    const other = others[Math.floor(rnd() * others.length)]!;
    const out = rnd() < 0.5;
    const sms = rnd() < 0.3;
    const at = new Date(t).toISOString().replace("T", " ").slice(0, 19);
    lines.push([target, out ? target : other, out ? other : target, at, sms ? 0 : Math.floor(rnd() * 600), sms ? "SMS" : "Voice"].join(","));
  }
  fs.writeFileSync(p, lines.join("\n") + "\n");
  return p;
}

const TWO_TARGET_MAPPING = {
  columns: (["target", "caller", "callee", "start_time", "duration_seconds", "record_type"] as const).map((field, index) => ({
    index,
    field,
    format: field === "duration_seconds" ? ("seconds" as const) : null,
  })),
  timezone: "UTC",
  headerLine: 1,
};

const newCase = async (name: string) => (await suite.db.case.create({ data: { name } })).id;
const linksOf = async (jobId: string) =>
  (await suite.sql.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [jobId])).rows[0]!.n;

describe.skipIf(!pgdb)("PostgreSQL post-load from the rows as they are written", () => {
  it("a file newest-first gives the same links, contacts and gaps as the same calls oldest-first", async () => {
    const [ordered, reversed] = [await newCase("ordered"), await newCase("reversed")];
    const a = await ingest(attFile("ordered.csv", withGap(21)), ordered);
    const b = await ingest(attFile("reversed.csv", withGap(21), true), reversed);
    expect(b.outcome.counts).toEqual(a.outcome.counts);
    expect(b.outcome.qualityScore).toBe(a.outcome.qualityScore);
    await expectConsistent(ordered);
    await expectConsistent(reversed);
    const strip = (x: Awaited<ReturnType<typeof stored>>) => JSON.stringify(x);
    expect(strip(await stored(reversed))).toBe(strip(await stored(ordered)));
    // The generator's calls 1–40 s apart repeat a counterparty now and then within ±2 s: links exist.
    expect(await linksOf(a.jobId)).toBeGreaterThan(0);
    expect(await linksOf(b.jobId)).toBe(await linksOf(a.jobId));
  });

  it("later deliveries of a target merge into its contacts; an overlapping one links and recounts; each step equals a recount", async () => {
    const c = await newCase("deliveries");
    await ingest(attFile("jan.csv", withGap(31)), c);
    await expectConsistent(c);
    const coverage = async () => (await suite.sql.query(`SELECT max_record_id, records FROM contact_coverage WHERE case_id = $1`, [c])).rows;
    expect(await coverage()).toEqual([{ max_record_id: expect.any(Number), records: ROWS }]);
    // A later delivery (the same counterparties, 60 days on): merged into the stored contacts through contact_coverage.
    await ingest(attFile("mar.csv", withGap(31, 60 * DAY)), c);
    await expectConsistent(c);
    expect((await coverage())[0]?.records).toBe(2 * ROWS);
    // The other leg of January's calls (1 s later): every record links to January's, contacts are recounted.
    const legs = await ingest(attFile("jan-legs.csv", withGap(31, 1)), c);
    expect(await linksOf(legs.jobId)).toBeGreaterThan(ROWS * 0.9);
    await expectConsistent(c);
  });

  it("past the scanner's tally limit, contacts are recounted in SQL: each step still equals a recount", async () => {
    const c = await newCase("capped");
    const limit = PgLoadScanner.maxTallies;
    PgLoadScanner.maxTallies = 50;
    try {
      await ingest(attFile("capped-1.csv", withGap(61)), c);
      await expectConsistent(c);
      await ingest(attFile("capped-2.csv", withGap(62, 40 * DAY)), c);
      await expectConsistent(c);
    } finally {
      PgLoadScanner.maxTallies = limit;
    }
  });

  it("a target whose coverage is gone, in a case where another job holds its records: recounted, not taken from the new job's scan", async () => {
    const c = await newCase("forgotten");
    await ingest(attFile("fg-1.csv", withGap(71)), c);
    // As after a near-duplicate strategy changed primaries (forgetContactCoverage).
    await suite.sql.query(`DELETE FROM contact_coverage WHERE case_id = $1`, [c]);
    const second = await ingest(attFile("fg-2.csv", withGap(72, 30 * DAY)), c);
    expect(second.outcome.counts.inserted).toBe(ROWS);
    await expectConsistent(c);
    // The first job's calls are counted too: more calls and messages than the second job alone holds.
    const { rows } = await suite.sql.query(`SELECT SUM(calls + messages)::int AS n FROM contacts WHERE case_id = $1`, [c]);
    expect(rows[0].n).toBeGreaterThan(ROWS * 1.5);
  });

  it("records another loader committed but has not counted yet are counted by the next job's post-load", async () => {
    const c = await newCase("in-flight");
    await ingest(attFile("if-1.csv", withGap(51)), c);
    // Another worker's job of the target, mid-load: a flush committed, its post-load not run yet.
    const f = attFile("if-2.csv", withGap(52, 20 * DAY));
    const other = await createJob(suite.db, { fileName: "if-2.csv", storedPath: f, sha256: "t", sizeBytes: fs.statSync(f).size, caseId: c });
    await suite.sql.query(
      `INSERT INTO call_records (job_id, case_id, content_hash, line, start_time, duration_seconds, caller, callee, record_type, target)
       SELECT $2, case_id, 'in-flight-' || content_hash, line, to_char(start_time::timestamptz + interval '40 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
              duration_seconds, caller, callee, record_type, target
         FROM call_records WHERE case_id = $1 ORDER BY id LIMIT 500`,
      [c, other.id],
    );
    await ingest(attFile("if-3.csv", withGap(51, 60 * DAY)), c);
    await expectConsistent(c);
  });

  it("a file of two targets interleaved, then another: per-target contacts and gaps equal a recount", async () => {
    const c = await newCase("two-targets");
    const first = await ingest(twoTargetFile("two-1.csv", 4_000, 3, Date.UTC(2024, 0, 1)), c, TWO_TARGET_MAPPING);
    expect(first.outcome.counts.inserted).toBe(4_000);
    const targets = async () => (await suite.sql.query(`SELECT target FROM contact_coverage WHERE case_id = $1 ORDER BY 1`, [c])).rows;
    expect((await targets()).map((r) => r.target)).toEqual(["+12127364401", "+13109827712"]);
    await expectConsistent(c);
    await ingest(twoTargetFile("two-2.csv", 4_000, 4, Date.UTC(2024, 3, 1)), c, TWO_TARGET_MAPPING);
    await expectConsistent(c);
  });

  it("two files of one target loading at the same time in one case: contacts and gaps equal a recount", async () => {
    const c = await newCase("concurrent");
    const [f1, f2] = [attFile("c1.csv", withGap(41)), attFile("c2.csv", withGap(42, 3 * DAY))];
    const [j1, j2] = await Promise.all([
      createJob(suite.db, { fileName: "c1.csv", storedPath: f1, sha256: "t", sizeBytes: fs.statSync(f1).size, caseId: c }),
      createJob(suite.db, { fileName: "c2.csv", storedPath: f2, sha256: "t", sizeBytes: fs.statSync(f2).size, caseId: c }),
    ]);
    const outcomes = await Promise.all([j1, j2].map((j) => executeJob(suite.db, pgdb!.databaseUrl, j.id, inline, silentJobEvents)));
    expect(outcomes.map((o) => o?.status)).toEqual(["completed", "completed"]);
    await expectConsistent(c);
    // A third, after both: the coverage left by whichever finished last holds.
    await ingest(attFile("c3.csv", [{ rows: 5_000, seed: 43, shiftSeconds: 30 * DAY }]), c);
    await expectConsistent(c);
  });
});
