#!/usr/bin/env node
// Runs the Prisma CLI (engine "js": no binary download) against the SQLite schema.
// `node scripts/prisma.mjs generate` is what postinstall runs.
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
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args, "--config", "prisma/sqlite.config.ts"], { cwd: root, env, stdio: "inherit" });
process.exit(r.status ?? 1);
