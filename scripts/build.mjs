#!/usr/bin/env node
// Production build: Prisma client, the Next.js app, and esbuild bundles of server.ts and the workers.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "inherit", "inherit"], env });
  if (r.status !== 0) {
    process.stderr.write(`build step failed: ${cmd} ${args.join(" ")}\n`);
    process.exit(r.status ?? 1);
  }
}

run(process.execPath, ["scripts/prisma.mjs", "generate"]);
run(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"]);

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
  // Bundled ESM still meets CommonJS-only code in a few dependencies' paths.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
await build({ ...common, entryPoints: [path.join(root, "server.ts")], outfile: path.join(root, "dist/server.mjs") });
await build({ ...common, entryPoints: [path.join(root, "workers/ingest-worker.ts")], outfile: path.join(root, "dist/workers/ingest-worker.mjs") });
// The row producer an ingest worker starts beside itself for large files (threaded-producer.ts).
await build({ ...common, entryPoints: [path.join(root, "workers/row-producer.ts")], outfile: path.join(root, "dist/workers/row-producer.mjs") });
// The Parquet export's encoder threads (lib/data/parquet-encoder-pool.ts).
await build({ ...common, entryPoints: [path.join(root, "workers/parquet-encoder.ts")], outfile: path.join(root, "dist/workers/parquet-encoder.mjs") });
// Scale-out: the standalone queue worker (`npm run worker`).
await build({ ...common, entryPoints: [path.join(root, "workers/worker-main.ts")], outfile: path.join(root, "dist/worker-main.mjs") });
// The legacy-.xls parser runs in its own isolated worker, found beside the bundle that starts it.
fs.copyFileSync(path.join(root, "lib/ingest/extract/xls-parse-worker.cjs"), path.join(root, "dist/workers/xls-parse-worker.cjs"));
fs.copyFileSync(path.join(root, "lib/ingest/extract/xls-parse-worker.cjs"), path.join(root, "dist/xls-parse-worker.cjs"));
process.stderr.write("build complete: .next/ and dist/\n");
