#!/usr/bin/env node
// Scores the engine on fixtures/real-world outside vitest: `node scripts/score-real-world.mjs [--json]`.
// Same figures as tests/real-world/score-real-world.test.ts, on a temporary SQLite database.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsx = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "tsx.cmd" : "tsx");
const r = spawnSync(tsx, ["--no-warnings", path.join(root, "tests/real-world/print-score.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? "silent" },
});
process.exit(r.status ?? 1);
