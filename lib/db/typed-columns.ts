/** A typed column copied into a larger one (`into`, already allocated): the growth step of the post-load's columnar accumulators. */
export function grownColumn<T extends Uint8Array | Uint32Array | Float64Array>(column: T, into: T): T {
  into.set(column);
  return into;
}

/**
 * Distinct (target, number) contact tallies a SQLite loader keeps at most. A tower dump
 * names ~1M different numbers: their tallies cost more memory than a recount costs time (SQLite:
 * 506 MB peak RSS with them on the 1M-number bench file, 400 MB with the recount, 2026-12-03).
 * Past it the tallies are dropped and the contacts recounted in SQL.
 */
export const MAX_TALLIES = 250_000;

/**
 * The same cap for a PostgreSQL loader (the standalone worker, which holds no web server). There a
 * tower dump's ~1M tallies are kept: sorted and COPYed, they replace a recount that cost much more
 * than on SQLite. pg-profile --input on the bench's 1M-number file (2026-12-04, AMD EPYC, 2 cores):
 * the job 15.84, 15.38 → 12.80, 12.04 s (its contacts 6.35 → 2.93, 3.26 s), the profile's peak RSS
 * unchanged (649–680 MB): the E.164 numbers' slots (PhoneNumberSlots) keep a million in ~50 MB.
 */
export const PG_MAX_TALLIES = 1_500_000;
