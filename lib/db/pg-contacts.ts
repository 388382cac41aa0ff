import type pg from "pg";
import { copyChunks } from "./pg-copy";
import { csvChunks, writeValues } from "./pg-csv-encoder";
import type { PgTargetScan } from "./pg-load-scan";
import { caseTargetWhere } from "./pg-post-load";

/**
 * A target's contacts in a case kept equal to a recount of every stored record of the target
 * (recountContactsPg) without recounting on every file, as on SQLite (sqlite-contacts.ts):
 * contact_coverage holds, per (case, target), the highest record id the stored contacts count and
 * how many records of the target had an id up to it. Every function here runs inside the
 * caller's transaction, which holds lockCaseTarget (post-load writers of one target take turns);
 * loaders COPY without that lock, which the checks below allow for.
 */

/** The target's records in the case: all of them, those up to the coverage, and this job's above it. */
interface TargetCounts {
  total: number;
  upTo: number;
  mineAbove: number;
}

async function targetCounts(client: pg.PoolClient, caseId: number, target: string, jobId: string, coveredTo: number): Promise<TargetCounts> {
  const { rows } = await client.query<TargetCounts>(
    `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE r.id <= $3)::int AS "upTo", COUNT(*) FILTER (WHERE r.id > $3 AND r.job_id = $4)::int AS "mineAbove"
       FROM call_records r WHERE ${caseTargetWhere(target)}`,
    [caseId, target, coveredTo, jobId],
  );
  return rows[0]!;
}

/**
 * Brings the target's contacts up to date from the job's tallies when that is exact, and returns
 * true; false when the caller must recount. Exact when every record of the target in the case is
 * either counted by the stored contacts (the coverage: as many records up to its id as when it
 * was written, so none deleted and none committed late below it) or one of this job's, all of
 * which lie above it: then the contacts plus the job's tallies are the recount. Without a coverage
 * row the job must hold every record of the target (its tallies replace the contacts). One pass
 * over the target's index range decides. `holdsAll` tells the caller whether the job's records are
 * the target's only ones (its gaps can come from the scan too).
 */
export async function mergeContactsPg(
  client: pg.PoolClient,
  jobId: string,
  caseId: number,
  target: string,
  scan: PgTargetScan,
  opts: {
    /** False: the tallies are incomplete (PgLoadScan.contactsComplete); only holdsAll is wanted. */
    tallied: boolean;
    /** No other job of the case held a record when the post-load began (jobAloneInCase). */
    alone: boolean;
  },
): Promise<{ merged: boolean; holdsAll: boolean }> {
  const { rows: cov } = await client.query<{ maxId: number; records: number }>(
    `SELECT max_record_id AS "maxId", records FROM contact_coverage WHERE case_id = $1 AND target = $2`,
    [caseId, target],
  );
  const c = cov[0] ?? null;
  // A target the case has never counted, in a job alone in its case: every record of the target is
  // the job's (its earlier runs were purged by begin()), so the counts are the scan's, without a
  // pass over the target's records, which visits each one's heap page: 50 interleaved targets of a
  // 1M-row file took 2.5 s. Another job's records committed since are caught where coverage is
  // used: their loader's post-load, or the next merge, finds the counts differ and recounts.
  const n = c === null && opts.alone ? { total: scan.records, upTo: 0, mineAbove: scan.records } : await targetCounts(client, caseId, target, jobId, c?.maxId ?? 0);
  const holdsAll = n.total === scan.records && n.mineAbove === scan.records;
  if (!opts.tallied) return { merged: false, holdsAll };
  if (c === null) {
    if (!holdsAll) return { merged: false, holdsAll };
    // Nothing to merge with: the tallies go in by COPY (a tower dump's ~1M contacts). In number
    // order: the unique (case_id, target, number) index then grows at its right edge instead of
    // taking each of a tower dump's numbers at a random page.
    await client.query(`DELETE FROM contacts WHERE case_id = $1 AND target = $2`, [caseId, target]);
    const rows = csvChunks(scan.contacts.sorted(), (enc, [num, t]) => writeValues(enc, [caseId, target, num, t.kind, t.first, t.last, t.calls, t.messages]));
    await copyChunks(client, "contacts", ["case_id", "target", "number", "kind", "first_seen", "last_seen", "calls", "messages"], rows);
    await writeCoverage(client, caseId, target, scan.maxId, n.total);
    return { merged: true, holdsAll };
  } else if (n.upTo !== c.records || n.mineAbove !== scan.records || n.total !== c.records + scan.records) {
    return { merged: false, holdsAll };
  }
  await upsertTallies(client, caseId, target, scan);
  await writeCoverage(client, caseId, target, Math.max(c?.maxId ?? 0, scan.maxId), n.total);
  return { merged: true, holdsAll };
}

/** Adds the tallies to the stored contacts: one set-based upsert from arrays. */
async function upsertTallies(client: pg.PoolClient, caseId: number, target: string, scan: PgTargetScan): Promise<void> {
  if (scan.contacts.size === 0) return;
  const nums: string[] = [];
  const kinds: (string | null)[] = [];
  const firsts: string[] = [];
  const lasts: string[] = [];
  const calls: number[] = [];
  const messages: number[] = [];
  for (const [num, t] of scan.contacts) {
    nums.push(num);
    kinds.push(t.kind);
    firsts.push(t.first);
    lasts.push(t.last);
    calls.push(t.calls);
    messages.push(t.messages);
  }
  // LEAST/GREATEST ignore nulls, as MIN(kind) of the recount does.
  await client.query(
    `INSERT INTO contacts AS c (case_id, target, number, kind, first_seen, last_seen, calls, messages)
     SELECT $1, $2, u.n, u.k, u.f, u.l, u.c, u.m FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[]) AS u(n, k, f, l, c, m)
     ON CONFLICT (case_id, target, number) DO UPDATE SET
       kind = LEAST(c.kind, excluded.kind), first_seen = LEAST(c.first_seen, excluded.first_seen), last_seen = GREATEST(c.last_seen, excluded.last_seen),
       calls = c.calls + excluded.calls, messages = c.messages + excluded.messages`,
    [caseId, target, nums, kinds, firsts, lasts, calls, messages],
  );
}

/** The stored contacts now count exactly the target's records with an id up to maxId, `records` of them. */
export async function writeCoverage(client: pg.PoolClient, caseId: number, target: string, maxId: number, records: number): Promise<void> {
  await client.query(
    `INSERT INTO contact_coverage (case_id, target, max_record_id, records) VALUES ($1, $2, $3, $4)
     ON CONFLICT (case_id, target) DO UPDATE SET max_record_id = excluded.max_record_id, records = excluded.records`,
    [caseId, target, maxId, records],
  );
}

/** A near-duplicate strategy may switch which records count for any target of the case: its coverage is void. */
export async function forgetContactCoverage(client: pg.PoolClient, caseId: number): Promise<void> {
  await client.query(`DELETE FROM contact_coverage WHERE case_id = $1`, [caseId]);
}

/**
 * Whether no other job of the case holds a record (committed): the job's post-load may then take a
 * new target's counts from its scan (mergeContactsPg). One probe of the job index per other job.
 */
export async function jobAloneInCase(client: pg.PoolClient, jobId: string, caseId: number): Promise<boolean> {
  const { rows } = await client.query<{ alone: boolean }>(
    `SELECT NOT EXISTS (SELECT 1 FROM ingestion_jobs j WHERE j.case_id = $1 AND j.id <> $2 AND EXISTS (SELECT 1 FROM call_records r WHERE r.job_id = j.id)) AS alone`,
    [caseId, jobId],
  );
  return rows[0]?.alone === true;
}
