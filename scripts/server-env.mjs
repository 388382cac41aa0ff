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
  return { MALLOC_ARENA_MAX: "2", ...base, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
}
