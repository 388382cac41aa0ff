import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { targetTimeline } from "../../lib/data/timeline";
import { purgeJobPg } from "../../lib/db/pg-purge-job";
import type { ProgressTick } from "../../lib/ingest/pipeline/progress-meter";
import { executeJob, type TaskRunner } from "../../lib/jobs/execute-job";
import { cancelJob, createJob } from "../../lib/jobs/job-commands";
import { silentJobEvents } from "../../lib/jobs/job-events";
import { runIngestTask } from "../../lib/jobs/run-ingest-task";
import { pgSuite } from "../support/pg-suite";
import { tempPgSchema } from "../support/pg-test-db";
import { writeAttFile } from "./att-files";

/**
 * Cases on PostgreSQL (issue 16): deduplication, near-duplicate links, contacts and gaps per case,
 * and the purge behind an atomic cancel, through the real loader (executeJob → runIngestTask →
 * COPY sink) against a fresh schema.
 */
const pgdb = await tempPgSchema("cases");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-cases-"));
const TARGET = "+17133537623"; // the generator's subscriber, as stored (E.164)
const BIG_ROWS = 120_000;
const suite = pgSuite(pgdb, { poolSize: 3, dirs: [tmp] });

const file = (name: string, opts: Parameters<typeof writeAttFile>[1]) => {
  const p = path.join(tmp, name);
  if (!fs.existsSync(p)) writeAttFile(p, opts);
  return p;
};

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

async function newCase(name: string): Promise<number> {
  return (await suite.db.case.create({ data: { name } })).id;
}

async function ingest(filePath: string, caseId: number, run: TaskRunner = inline) {
  const job = await createJob(suite.db, { fileName: path.basename(filePath), storedPath: filePath, sha256: "test", sizeBytes: fs.statSync(filePath).size, caseId });
  const outcome = await executeJob(suite.db, pgdb!.databaseUrl, job.id, run, silentJobEvents);
  return { jobId: job.id, outcome: outcome! };
}

const one = async <T>(text: string, values: unknown[] = []): Promise<T> => (await suite.sql.query(text, values)).rows[0] as T;
const count = async (text: string, values: unknown[] = []) => (await one<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${text}`, values)).n;

/** A case's contacts and gaps, comparable across cases and over time. */
async function analysis(caseId: number) {
  const contacts = (await suite.sql.query(`SELECT target, number, first_seen, last_seen, calls, messages FROM contacts WHERE case_id = $1 ORDER BY target, number`, [caseId])).rows;
  // The gaps the default threshold reports (timeline_gaps holds every candidate of an hour or more).
  const gaps = (
    await suite.sql.query(
      `SELECT target, from_time, to_time, seconds, ratio FROM timeline_gaps WHERE case_id = $1 AND seconds >= 86400 AND ratio >= 8 ORDER BY target, from_time`,
      [caseId],
    )
  ).rows;
  return { contacts, gaps };
}

/** What a recount from the stored records gives for the case's target (the loader must agree with it). */
async function recountedContacts(caseId: number) {
  return (
    await suite.sql.query(
      `SELECT $2::text AS target, num AS number, MIN(start_time) AS first_seen, MAX(start_time) AS last_seen,
            (COUNT(*) FILTER (WHERE record_type = 'voice'))::int AS calls, (COUNT(*) FILTER (WHERE record_type IN ('sms', 'mms')))::int AS messages
       FROM (SELECT caller AS num, start_time, record_type FROM call_records WHERE case_id = $1 AND target = $2 AND duplicate_of IS NULL AND caller <> $2
             UNION ALL
             SELECT callee, start_time, record_type FROM call_records WHERE case_id = $1 AND target = $2 AND duplicate_of IS NULL AND callee <> $2) n
      GROUP BY num ORDER BY num`,
      [caseId, TARGET],
    )
  ).rows;
}

const danglingLinks = () => count(`call_records r WHERE r.duplicate_of IS NOT NULL AND NOT EXISTS (SELECT 1 FROM call_records p WHERE p.id = r.duplicate_of)`);

describe.skipIf(!pgdb)("cases on PostgreSQL: per-case deduplication, links, contacts, gaps and purge", () => {
  it("the same file into two cases gives both all its records; twice into one case inserts nothing the second time", async () => {
    const f = file("same.csv", { rows: 2000, seed: 5 });
    const [a, b] = [await newCase("same-a"), await newCase("same-b")];
    const first = await ingest(f, a);
    expect(first.outcome.status).toBe("completed");
    expect(first.outcome.counts).toEqual({ rows: 2000, inserted: 2000, duplicates: 0, rejected: 0 });
    const other = await ingest(f, b);
    expect(other.outcome.counts).toEqual({ rows: 2000, inserted: 2000, duplicates: 0, rejected: 0 });
    const again = await ingest(f, a);
    expect(again.outcome.counts).toEqual({ rows: 2000, inserted: 0, duplicates: 2000, rejected: 0 });

    expect(await count(`call_records WHERE case_id = $1`, [a])).toBe(2000);
    expect(await count(`call_records WHERE case_id = $1`, [b])).toBe(2000);
    expect(await count(`call_records WHERE job_id = $1 AND case_id = $2`, [other.jobId, b])).toBe(2000);
    // Both cases have the same analysis, each from its own records.
    const [ca, cb] = [await analysis(a), await analysis(b)];
    expect(ca.contacts.length).toBeGreaterThan(100);
    expect(cb).toEqual(ca);
    expect(ca.contacts).toEqual(await recountedContacts(a));
  });

  it("near-duplicates link within a case and never across cases", async () => {
    const legA = file("leg-a.csv", { rows: 3000, seed: 11 });
    const legB = file("leg-b.csv", { rows: 3000, seed: 11, shiftSeconds: 1 }); // the same calls, 1 s later
    const [x, y, both] = [await newCase("legs-x"), await newCase("legs-y"), await newCase("legs-both")];

    await ingest(legA, x);
    const apart = await ingest(legB, y);
    expect(apart.outcome.counts.inserted).toBe(3000);
    expect(await count(`call_records WHERE case_id IN ($1, $2) AND duplicate_of IS NOT NULL`, [x, y])).toBe(0);
    // Each case counts the call once, in its own records (B's legs start 1 s later: same numbers and counts).
    const tallies = async (c: number) => (await analysis(c)).contacts.map(({ number, calls, messages }) => ({ number, calls, messages }));
    expect(await tallies(y)).toEqual(await tallies(x));

    const a = await ingest(legA, both);
    const b = await ingest(legB, both);
    expect(b.outcome.counts.inserted).toBe(3000);
    // Every leg of B points at A's record of the same call, in the same case.
    expect(await count(`call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [b.jobId])).toBe(3000);
    expect(await count(`call_records d JOIN call_records p ON p.id = d.duplicate_of WHERE d.job_id = $1 AND (p.job_id <> $2 OR p.case_id <> d.case_id)`, [b.jobId, a.jobId])).toBe(
      0,
    );
    // Counted once: the case's contacts are A's alone.
    expect((await analysis(both)).contacts).toEqual((await analysis(x)).contacts);
    expect(await count(`call_records r JOIN call_records p ON p.id = r.duplicate_of WHERE p.case_id <> r.case_id`)).toBe(0);
  });

  it("gaps are found across every file of a target in the case (the silence between two deliveries)", async () => {
    const jan = file("jan.csv", { rows: 4000, seed: 21 });
    const feb = file("feb.csv", { rows: 4000, seed: 22, shiftSeconds: 30 * 86400 });
    const [together, a, b] = [await newCase("gaps-together"), await newCase("gaps-a"), await newCase("gaps-b")];
    const j1 = await ingest(jan, together);
    expect((await analysis(together)).gaps).toEqual([]);
    const j2 = await ingest(feb, together);
    const span = async (jobId: string) =>
      one<{ first: string; last: string }>(`SELECT MIN(start_time) AS first, MAX(start_time) AS last FROM call_records WHERE job_id = $1`, [jobId]);
    const [s1, s2] = [await span(j1.jobId), await span(j2.jobId)];
    const { gaps } = await analysis(together);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ target: TARGET, from_time: s1.last, to_time: s2.first });
    expect(gaps[0]!.seconds).toBeGreaterThan(28 * 86400);
    // The silence between the deliveries is the case's, not a flaw of either file: neither score drops.
    expect(j2.outcome.qualityScore).toBe(j1.outcome.qualityScore);
    // The timeline's day buckets (one GROUP BY, the same SQL as on SQLite) agree with a recount.
    const timeline = await targetTimeline(suite.db, TARGET, { caseId: together });
    const recount = (
      await suite.sql.query(
        `SELECT substr(start_time, 1, 10) AS day, COUNT(*)::int AS n FROM call_records WHERE case_id = $1 AND target = $2 AND duplicate_of IS NULL GROUP BY day ORDER BY day`,
        [together, TARGET],
      )
    ).rows;
    expect(timeline.days.map((d) => ({ day: d.day, n: d.calls + d.messages }))).toEqual(recount);
    expect((await targetTimeline(suite.db, TARGET, { caseId: { in: [together] } })).days).toEqual(timeline.days);
    // Each delivery alone in its own case: no silence anywhere.
    await ingest(jan, a);
    await ingest(feb, b);
    expect((await analysis(a)).gaps).toEqual([]);
    expect((await analysis(b)).gaps).toEqual([]);
    expect(await count(`timeline_gaps g WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = g.case_id)`)).toBe(0);
  });

  it("purgeJobPg removes a job's records and errors, re-points the links to them and recounts its targets", async () => {
    const legA = file("leg-a.csv", { rows: 3000, seed: 11 });
    const legB = file("leg-b.csv", { rows: 3000, seed: 11, shiftSeconds: 1 });
    const [p, onlyB] = [await newCase("purge"), await newCase("purge-only-b")];
    const a = await ingest(legA, p);
    const b = await ingest(legB, p);
    await ingest(legB, onlyB);
    expect(await count(`call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [b.jobId])).toBe(3000);
    await suite.sql.query(`INSERT INTO ingestion_errors (job_id, line, code, message, raw) VALUES ($1, 1, 'x', 'x', 'x')`, [a.jobId]);

    const client = await suite.sql.connect();
    try {
      await purgeJobPg(client, a.jobId);
    } finally {
      client.release();
    }
    expect(await count(`call_records WHERE job_id = $1`, [a.jobId])).toBe(0);
    expect(await count(`ingestion_errors WHERE job_id = $1`, [a.jobId])).toBe(0);
    expect(await danglingLinks()).toBe(0);
    // B's legs count now, exactly as if B alone had been loaded.
    expect(await count(`call_records WHERE job_id = $1 AND duplicate_of IS NULL`, [b.jobId])).toBe(3000);
    expect(await analysis(p)).toEqual(await analysis(onlyB));
    expect((await analysis(p)).contacts).toEqual(await recountedContacts(p));
  });

  it("under keep_longest, purging the job whose legs became primaries gives the displaced records back", async () => {
    const saved = process.env.NEAR_DUPLICATE_STRATEGY;
    process.env.NEAR_DUPLICATE_STRATEGY = "keep_longest";
    try {
      const legA = file("leg-a.csv", { rows: 3000, seed: 11 });
      const longer = file("leg-b-longer.csv", { rows: 3000, seed: 11, shiftSeconds: 1, longerBy: 1 });
      const [k, onlyA] = [await newCase("longest"), await newCase("longest-only-a")];
      const a = await ingest(legA, k);
      const b = await ingest(longer, k);
      await ingest(legA, onlyA);
      const calls = await count(`call_records WHERE job_id = $1 AND record_type = 'voice'`, [a.jobId]);
      expect(calls).toBeGreaterThan(500);
      // B's longer calls are the primaries now, A's point at them; messages stay as they were.
      expect(await count(`call_records d JOIN call_records p ON p.id = d.duplicate_of WHERE d.job_id = $1 AND p.job_id = $2`, [a.jobId, b.jobId])).toBe(calls);
      expect((await analysis(k)).contacts).toEqual(await recountedContacts(k));

      const client = await suite.sql.connect();
      try {
        await purgeJobPg(client, b.jobId);
      } finally {
        client.release();
      }
      expect(await count(`call_records WHERE job_id = $1`, [b.jobId])).toBe(0);
      expect(await danglingLinks()).toBe(0);
      expect(await count(`call_records WHERE job_id = $1 AND duplicate_of IS NOT NULL`, [a.jobId])).toBe(0);
      expect(await analysis(k)).toEqual(await analysis(onlyA));
    } finally {
      if (saved === undefined) delete process.env.NEAR_DUPLICATE_STRATEGY;
      else process.env.NEAR_DUPLICATE_STRATEGY = saved;
    }
  });

  describe("cancel is atomic: nothing of the job remains, whatever stage it was in", () => {
    const big = () => file("big.csv", { rows: BIG_ROWS, seed: 31 });
    const earlier = () => file("earlier.csv", { rows: 3000, seed: 32, shiftSeconds: -90 * 86400 });

    /** A runner that cancels the job as the cancel route does (row, then flag) when `when` first holds; notes how many records were stored then. */
    function cancelling(when: (t: ProgressTick) => boolean, seen: { records: number; stage: string }): TaskRunner {
      return async (task, onProgress, flag) => {
        let pending: Promise<void> | null = null;
        const out = await runIngestTask(
          task,
          (t) => {
            onProgress(t);
            if (pending || !when(t)) return;
            seen.stage = t.stage;
            pending = cancelJob(suite.db, task.jobId).then(async () => {
              Atomics.store(flag, 0, 1);
              seen.records = await count(`call_records WHERE job_id = $1`, [task.jobId]);
            });
          },
          () => Atomics.load(flag, 0) === 1,
        );
        await pending;
        return out;
      };
    }

    const cases: [string, (t: ProgressTick) => boolean][] = [
      ["at ~5 % of the load", (t) => t.stage === "load" && t.percent >= 5],
      ["at ~50 % of the load", (t) => t.stage === "load" && t.percent >= 50],
      ["during post-load", (t) => t.stage === "finalize"],
    ];
    for (const [name, when] of cases) {
      it(
        name,
        async () => {
          const c = await newCase(`cancel ${name}`);
          // The case already holds an earlier delivery of the same target: its analysis must come back unchanged.
          await ingest(earlier(), c);
          const before = await analysis(c);
          expect(before.contacts.length).toBeGreaterThan(0);
          const seen = { records: 0, stage: "" };
          const { jobId, outcome } = await ingest(big(), c, cancelling(when, seen));
          expect(seen.records, `records stored when cancelled (${seen.stage})`).toBeGreaterThan(0);
          if (name === "during post-load") expect(seen.records).toBe(BIG_ROWS);
          else expect(seen.records).toBeLessThan(BIG_ROWS);
          expect(outcome?.status ?? "cancelled").not.toBe("failed");
          const job = await suite.db.ingestionJob.findUniqueOrThrow({ where: { id: jobId } });
          expect(job.status).toBe("cancelled");
          expect(await count(`call_records WHERE job_id = $1`, [jobId])).toBe(0);
          expect(await count(`ingestion_errors WHERE job_id = $1`, [jobId])).toBe(0);
          expect(await danglingLinks()).toBe(0);
          expect(await analysis(c)).toEqual(before);
        },
        180_000,
      );
    }
  });
});
