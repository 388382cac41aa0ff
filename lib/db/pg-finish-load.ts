import type pg from "pg";
import type { JobSummaryFacts } from "../ingest/pipeline/record-sink";
import { meetsGapThreshold, type TimelineGap } from "../ingest/timeline-gaps";
import { loadConfig } from "../config";
import { log } from "../log";
import { nearDuplicateStrategySql } from "./near-duplicate-strategy";
import { forgetContactCoverage, jobAloneInCase, mergeContactsPg } from "./pg-contacts";
import { recomputeGapsPg, sortCaseTargets, writeGapsPg, type CaseTarget } from "./pg-gaps";
import { scanJobPg, type PgLoadScan } from "./pg-load-scan";
import { linkNearDuplicatesPg, lockCaseLinks, lockCaseTarget, othersInSpan, recountContactsPg, writeLinksPg } from "./pg-post-load";

/**
 * PostgreSQL post-load of one job, as on SQLite (sqlite-post-load.ts), from the job's scan (fed by
 * the sink while loading a time-ordered file, else read back once by scanJobPg):
 *
 * - Near-duplicate links: the scan's 2-second window within the job, written from arrays. Only when
 *   another job of the case holds records in the job's span (othersInSpan) can a record repeat
 *   another job's: then the SQL linker (linkNearDuplicatesPg) links the job instead, within and
 *   across jobs, as before. Then the configured strategy, as before.
 * - Contacts per (case, target): the scan's tallies merged into the stored contacts when
 *   contact_coverage proves that exact (pg-contacts.ts), else (and past PG_MAX_TALLIES) the SQL recount.
 * - Timeline gaps per (case, target): the scan's accumulator when the job holds every record of
 *   the target in the case, else one ordered pass over the target's records (recomputeGapsPg).
 * After a link to another job's record, or a strategy that changed primaries, the touched targets
 * are recounted in SQL (and the case's coverage is forgotten when primaries moved).
 */
export async function finishPgLoad(client: pg.PoolClient, jobId: string, caseId: number, scanned: PgLoadScan | null): Promise<JobSummaryFacts> {
  const t0 = performance.now();
  const scan = scanned ?? (await scanJobPg(client, jobId));
  const t1 = performance.now();
  const strategy = loadConfig().nearDuplicateStrategy;
  const others: CaseTarget[] = [];
  let linked = 0;
  let recount = false;
  await client.query("BEGIN");
  try {
    // keep_first writes only this job's records: linkers of one case run side by side. The other
    // strategies also rewrite other jobs' records: one linker of the case at a time (no deadlocks).
    await lockCaseLinks(client, caseId, strategy === "keep_first" ? "shared" : "exclusive");
    if (scan.first !== null && scan.last !== null && (await othersInSpan(client, jobId, caseId, scan.first, scan.last))) {
      linked = await linkNearDuplicatesPg(client, jobId);
      // The scan's tallies skip the links it found itself: they hold only if the SQL linker found none either.
      recount = linked > 0 || scan.links.size > 0;
    } else {
      await writeLinksPg(client, scan.links);
      linked = scan.links.size;
    }
    if (linked > 0) {
      // keep_longest may turn another target's primary into a duplicate: that target's counts change too.
      if (strategy === "keep_longest") others.push(...(await primaryTargets(client, jobId, caseId)));
      let changed = 0;
      for (const sql of nearDuplicateStrategySql(strategy, "$1")) changed += (await client.query(sql, sql.includes("$1") ? [jobId] : [])).rowCount ?? 0;
      if (changed > 0) {
        recount = true;
        await forgetContactCoverage(client, caseId);
      }
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
  const t2 = performance.now();
  let merged = 0;
  let gapsFromScan = 0;
  let gaps = 0;
  const alone = !recount && (await jobAloneInCase(client, jobId, caseId));
  const targets = sortCaseTargets([...[...scan.targets.keys()].map((target) => ({ caseId, target })), ...others]);
  for (const t of targets) {
    const ts = scan.targets.get(t.target);
    let found: TimelineGap[];
    await client.query("BEGIN");
    try {
      // The recount groups a target's records by number: in memory (hash) rather than a sort spilled to disk.
      await client.query(`SET LOCAL work_mem = '64MB'`);
      await lockCaseTarget(client, caseId, t.target);
      const m = !recount && ts ? await mergeContactsPg(client, jobId, caseId, t.target, ts, { tallied: scan.contactsComplete, alone }) : { merged: false, holdsAll: false };
      if (m.merged) merged++;
      else await recountContactsPg(client, caseId, t.target);
      if (m.holdsAll && ts) {
        found = ts.gaps.gaps();
        await writeGapsPg(client, caseId, t.target, found);
        gapsFromScan++;
      } else {
        found = await recomputeGapsPg(client, caseId, t.target);
      }
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    }
    // The quality score counts the silences the default rule reports inside the job's own span of
    // the target: the silence between two monthly deliveries is the case's, not a flaw of either file.
    if (ts) gaps += found.filter((g) => meetsGapThreshold(g) && g.from >= ts.first && g.to <= ts.last).length;
  }
  const ms = (a: number, b: number) => Math.round(b - a);
  log.debug(
    {
      jobId,
      caseId,
      scanMs: scanned ? 0 : ms(t0, t1),
      linksMs: ms(t1, t2),
      contactsAndGapsMs: ms(t2, performance.now()),
      targets: targets.length,
      contactsMerged: merged,
      gapsFromScan,
      linkedNearDuplicates: linked,
    },
    "post-load timings",
  );
  return { gaps, linkedNearDuplicates: linked };
}

/** The targets of the records the job's linked records point at (before the strategy runs). */
async function primaryTargets(client: pg.PoolClient, jobId: string, caseId: number): Promise<CaseTarget[]> {
  const { rows } = await client.query<{ target: string }>(
    `SELECT DISTINCT COALESCE(p.target, '') AS target FROM call_records d JOIN call_records p ON p.id = d.duplicate_of
      WHERE d.job_id = $1 AND d.duplicate_of IS NOT NULL`,
    [jobId],
  );
  return rows.map((r) => ({ caseId, target: r.target }));
}
