import type pg from "pg";
import { findTimelineGaps } from "../ingest/timeline-gaps";

/**
 * Reports silences in each target's timeline for one job into timeline_gaps (see sqlite-gaps).
 * findTimelineGaps reads the times twice, synchronously, so each target's ordered start times
 * are fetched once into memory (~50 bytes a record): fine for files of a few million rows.
 */
export async function detectGapsPg(client: pg.PoolClient, jobId: string): Promise<number> {
  await client.query(`DELETE FROM timeline_gaps WHERE job_id = $1`, [jobId]);
  const targets = (await client.query<{ t: string }>(`SELECT DISTINCT COALESCE(target, '') AS t FROM call_records WHERE job_id = $1`, [jobId])).rows.map((r) => r.t);
  let total = 0;
  for (const target of targets) {
    const { rows } = await client.query<{ s: string }>({
      text: `SELECT start_time AS s FROM call_records WHERE job_id = $1 AND COALESCE(target, '') = $2 AND duplicate_of IS NULL ORDER BY start_time`,
      values: [jobId, target],
    });
    const times = rows.map((r) => r.s);
    const gaps = findTimelineGaps(() => times);
    for (const g of gaps) {
      await client.query(`INSERT INTO timeline_gaps (job_id, target, from_time, to_time, seconds, ratio) VALUES ($1, $2, $3, $4, $5, $6)`, [jobId, target, g.from, g.to, g.seconds, g.ratio]);
    }
    total += gaps.length;
  }
  return total;
}
