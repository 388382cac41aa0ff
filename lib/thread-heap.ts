import v8 from "node:v8";

/**
 * Heap settings for the threads that ingest files. Measured with `npm run bench` on the 1M-row
 * CSV (docs/benchmarks.md, 2026-11-28 evening): peak RSS ~640 MB before; 445–530 MB with two
 * malloc arenas (scripts/server-env.mjs) and V8's defaults; 355–380 MB with the growth factor below.
 */

/**
 * Young-generation cap (MB) for worker isolates (the ingest pool's threads and the row producers):
 * 12 MB is 4 MB semi-spaces (V8 sizes the young generation at three semi-spaces). Note that a
 * `--max-semi-space-size` flag beats this limit: `npm start` and the bench pass 4 for the main
 * thread (scripts/server-env.mjs) and V8 applies it to every isolate of the process, which is why
 * this value matches it (checked with v8.getHeapSpaceStatistics() in a worker: flag 4 and limit
 * 48 gave an 8.4 MB new space). The figure matters: bigger semi-spaces made the 1M-row load
 * ~5–15 % cheaper in CPU for ~+60 MB peak RSS at 16 MB (2026-11-28 night, docs/benchmarks.md);
 * what kept the producers' GC down instead was small batches (build-batches.ts, row-pieces.ts).
 */
export const WORKER_YOUNG_GENERATION_MB = 12;

/**
 * Old-generation growth factor 1.6 instead of V8's adaptive 1.1–4: after each full collection the
 * next one comes when the heap is 60 % above what survived, not up to four times it. Row loading
 * promotes a steady trickle of batch data that dies soon after, so the default let every isolate
 * (main, writer, two producers) grow 40–70 MB of dead old space before collecting it. Measured on
 * the 10M-row CSV once batches were small (2026-11-29): 30 → 116 s, 182 CPU s, 323 MB peak RSS;
 * 60 → 84 s, 125 CPU s, 319 MB; 0 (adaptive) → 91 s, 134 CPU s, 382 MB. (With 2,000-row batches
 * 30 had been needed to stay under 400 MB.)
 */
const DEFAULT_HEAP_GROWING_PERCENT = 60;

/**
 * Applies the growth factor to every isolate of this process: the flag is process-wide and V8
 * reads it at each full collection, so it also covers threads started later. Called once where the
 * worker pool is created (the web server and the standalone worker). Lower values collect more
 * often (more CPU, less memory); HEAP_GROWING_PERCENT=0 restores V8's adaptive default.
 */
export function limitHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const raw = env.HEAP_GROWING_PERCENT;
  const percent = raw !== undefined && /^\d{1,4}$/.test(raw.trim()) ? Number(raw.trim()) : DEFAULT_HEAP_GROWING_PERCENT;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
