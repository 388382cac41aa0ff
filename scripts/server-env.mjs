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
export function productionEnv(base = process.env) {
  return {
    MALLOC_ARENA_MAX: "2",
    ...base,
    NODE_OPTIONS: [MAIN_THREAD_HEAP, base.NODE_OPTIONS].filter(Boolean).join(" "),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/**
 * The main thread's semi-spaces: 4 MB instead of 16. It serves pages, the API and Socket.IO and
 * streams uploads through the cipher, all short-lived garbage; idle RSS 201 → 193 MB. Worker
 * threads set their own young generation (lib/thread-heap.ts), so this reaches only the main
 * thread. A caller's own NODE_OPTIONS come after it and so win.
 */
const MAIN_THREAD_HEAP = "--max-semi-space-size=4";
