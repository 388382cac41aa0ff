#!/usr/bin/env node
// `npm start`: builds when the build is missing or older than the sources, then runs the server.
// `npm run dev`: runs server.ts under tsx with Next in dev mode.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { productionEnv } from "./server-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
const dev = process.argv.includes("--dev");
// Scale-out: `npm run worker` starts a standalone queue worker (PostgreSQL) instead of the web server.
const worker = process.argv.includes("--worker");

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of fs.readdirSync(p)) {
    if (e === "node_modules" || e.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(p, e)));
  }
  return newest;
}

function buildIsStale() {
  const marks = [
    path.join(root, ".next/BUILD_ID"),
    path.join(root, "dist/server.mjs"),
    path.join(root, "dist/workers/ingest-worker.mjs"),
    path.join(root, "dist/workers/row-producer.mjs"),
    path.join(root, "dist/workers/parquet-encoder.mjs"),
    path.join(root, "dist/worker-main.mjs"),
  ];
  if (!marks.every((m) => fs.existsSync(m))) return true;
  const built = Math.min(...marks.map((m) => fs.statSync(m).mtimeMs));
  const sources = ["app", "components", "lib", "workers", "prisma", "server.ts", "next.config.ts", "package.json"].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}

if (dev) {
  const entry = worker ? ["workers/worker-main.ts"] : ["server.ts", "--dev"];
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), ...entry], { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  if (buildIsStale()) {
    process.stderr.write("Building Switchyard (first start or changed sources)…\n");
    const r = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, env, stdio: "inherit" });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const child = spawn(process.execPath, [worker ? "dist/worker-main.mjs" : "dist/server.mjs"], { cwd: root, env: productionEnv(env, { worker }), stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
  child.on("exit", (code) => process.exit(code ?? 0));
}
