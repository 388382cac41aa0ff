#!/usr/bin/env node
// Runs the Prisma CLI (engine "js": no binary download) against the SQLite schema, or the
// PostgreSQL one with `--pg`. `node scripts/prisma.mjs generate` (what postinstall runs)
// generates both clients: generated/prisma-sqlite and generated/prisma-pg.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_SQLITE_URL: process.env.PRISMA_SQLITE_URL ?? `file:${path.join(root, "data/switchyard.db")}`,
  // The WebAssembly schema engine leaves a long timer behind; this preload unrefs it (STACK-NOTES).
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts/unref-timers.cjs")}`.trim(),
};
// Scale-out (PostgreSQL): `--pg` selects prisma/pg.config.ts; generate always does both.
const args = process.argv.slice(2).filter((a) => a !== "--pg");
const configs = args[0] === "generate" ? ["prisma/sqlite.config.ts", "prisma/pg.config.ts"] : [process.argv.includes("--pg") ? "prisma/pg.config.ts" : "prisma/sqlite.config.ts"];
for (const config of configs) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args, "--config", config], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
