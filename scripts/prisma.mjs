#!/usr/bin/env node
// Runs the Prisma CLI (engine "js": no binary download) against the SQLite schema, or the
// PostgreSQL one with `--pg`. `node scripts/prisma.mjs generate` (what postinstall runs)
// generates both clients: generated/prisma-sqlite and generated/prisma-pg.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const isPg = (url) => /^postgres(ql)?:\/\//i.test(url ?? "");
const args = process.argv.slice(2).filter((a) => a !== "--pg");
const generate = args[0] === "generate";

/**
 * The URL each config hands the CLI. `generate` connects to nothing, but the CLI still validates
 * the datasource URL, and a URL of the other provider (DATABASE_URL=file:… reaching the PostgreSQL
 * config) sent Prisma looking for a query-engine binary to download — a failed first `npm start`
 * offline. So generate always uses fixed URLs of each client's own provider, whatever the
 * environment says; other commands address the database the app would (lib/config.ts).
 */
function urls() {
  const sqliteDefault = `file:${path.join(root, "data/switchyard.db")}`;
  const pgDefault = "postgres://postgres@127.0.0.1:5432/postgres";
  if (generate) return { sqlite: sqliteDefault, pg: pgDefault };
  const db = process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ? path.resolve(process.env.DATA_DIR) : path.join(root, "data");
  const sqliteFromDb = db && !isPg(db) ? `file:${path.resolve(db.replace(/^file:/, ""))}` : undefined;
  return {
    sqlite: process.env.PRISMA_SQLITE_URL ?? sqliteFromDb ?? `file:${path.join(dataDir, "switchyard.db")}`,
    pg: process.env.PRISMA_PG_URL ?? (isPg(db) ? db : pgDefault),
  };
}

const { sqlite, pg } = urls();
const env = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_SQLITE_URL: sqlite,
  PRISMA_PG_URL: pg,
  // The WebAssembly schema engine leaves a long timer behind; this preload unrefs it (STACK-NOTES).
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts/unref-timers.cjs")}`.trim(),
};
// Scale-out (PostgreSQL): `--pg` selects prisma/pg.config.ts; generate always does both.
const configs = generate ? ["prisma/sqlite.config.ts", "prisma/pg.config.ts"] : [process.argv.includes("--pg") ? "prisma/pg.config.ts" : "prisma/sqlite.config.ts"];
for (const config of configs) {
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args, "--config", config], { cwd: root, env, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
