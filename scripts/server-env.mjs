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
 * The standalone worker (`npm run worker`: PostgreSQL loads only): 32 MB semi-spaces. Its sink
 * holds 20,000-row flushes for a COPY each, which outlived 4 MB semi-spaces and were promoted, and
 * the old generation's collections took a third of the loader's CPU. 1M-row tower dump, one
 * worker (`scripts/bench/pg-profile.mts`, flag by flag, 2026-12-04): 4 MB 17.65–18.23 s, 16 MB 16.38
 * s, 32 MB 14.96 s, 64 MB 13.73–14.29 s; the process's peak RSS grew ~120 MB at 32 and ~300 MB at
 * 64 against 4, so 32.
 */
const WORKER_PROCESS_HEAP = "--max-semi-space-size=32";
