// The environment the production server runs with: `npm start` (scripts/start.mjs) and the
// benchmark (scripts/bench/server.mjs) both start it from here, so the bench measures the server
// exactly as it is deployed.

/**
 * MALLOC_ARENA_MAX=2: glibc gives every thread that allocates its own malloc arena (up to 8 per
 * core), and freed memory stays in the arena that held it. The upload's stream buffers (main
 * thread), SQLite's page cache (the loader thread) and the row producers' message buffers then sit
 * in separate arenas: the 1M-row load peaked at ~640 MB RSS, ~460–580 MB with two arenas (measured
 * with `npm run bench`, docs/benchmarks.md). A caller's own MALLOC_ARENA_MAX wins.
 */
export function productionEnv(base = process.env, { worker = false } = {}) {
  return {
    MALLOC_ARENA_MAX: "2",
    ...base,
    NODE_OPTIONS: [worker ? WORKER_PROCESS_HEAP : MAIN_THREAD_HEAP, base.NODE_OPTIONS].filter(Boolean).join(" "),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/**
 * The web server's semi-spaces: 4 MB instead of 16. Its main thread serves pages, the API and
 * Socket.IO and streams uploads through the cipher, all short-lived garbage; idle RSS 201 → 193 MB.
 * The flag reaches every thread of the process and beats a worker's `resourceLimits` young
 * generation (checked 2026-12-04: flag 4 with a 96 MB limit gave an 8 MB new space; flag 32 with a
 * 12 MB limit, 32 MB), so the SQLite loader threads run with it too (lib/thread-heap.ts). A
 * caller's own NODE_OPTIONS come after it and so win.
 */
const MAIN_THREAD_HEAP = "--max-semi-space-size=4";

/**
 * The standalone worker (`npm run worker`: PostgreSQL loads only): 8 MB semi-spaces. It ran with 32
 * MB while its sink built a string per COPY field and held each flush's rows as arrays (the old
 * generation's collections were then a third of the loader's CPU). Since the COPY is encoded
 * straight into bytes (lib/db/pg-csv-encoder.ts) the first upload no longer feels the size. 1M-row
 * tower dump, `npm run bench -- --skip-csv --skip-pdf --skip-scan --skip-xlsx --skip-libs --shapes
 * distinct` (2026-12-04 21:25–21:55 UTC, one run each): 32 MB first 20.86 s, re-upload 6.90 s, two
 * workers 35.19 s, peak RSS 500–559 MB; 8 MB 20.69 s, 8.00 s, 37.65 s, 375–392 MB; 4 MB 20.98 s,
 * 8.60 s, 37.71 s, 336–360 MB. 8 kept the worker under 400 MB for a second or so of re-upload.
 * Since its sink loads through two connections (2026-12-05, lib/db/pg-open-sink.ts: a second flush
 * in flight) it peaked at 400 MB on that file, 381–436 MB with two workers on two files (one
 * connection: 362–393 MB).
 */
const WORKER_PROCESS_HEAP = "--max-semi-space-size=8";
