/** A typed column copied into a larger one (`into`, already allocated): the growth step of the post-load's columnar accumulators. */
export function grownColumn<T extends Uint8Array | Uint32Array | Float64Array>(column: T, into: T): T {
  into.set(column);
  return into;
}

/**
 * Distinct (target, number) contact tallies a loader keeps at most, on either engine. A tower dump
 * names ~1M different numbers: their tallies cost more memory than a recount costs time (SQLite:
 * 506 MB peak RSS with them on the 1M-number bench file, 400 MB with the recount, 2026-12-03).
 * Past it the tallies are dropped and the contacts recounted in SQL.
 */
export const MAX_TALLIES = 250_000;
