import type { JobCounts } from "../schemas/job";

/**
 * A 0–100 data-quality score per job: the share of rows that loaded or were exact duplicates,
 * weighted by how sure the mapping was, with a small penalty per suspicious timeline gap.
 * It is a summary for people, not an input to any decision.
 */
export function qualityScore(counts: JobCounts, mappingConfidence: number, gaps: number): number {
  if (counts.rows === 0) return 0;
  const usable = (counts.inserted + counts.duplicates) / counts.rows;
  const score = 100 * usable * (0.6 + 0.4 * mappingConfidence) - Math.min(10, gaps * 2);
  return Math.max(0, Math.round(score * 10) / 10);
}
