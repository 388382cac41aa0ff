import fs from "node:fs";
import path from "node:path";

/**
 * The project root, found by walking up from this module to package.json. It works from the
 * TypeScript sources (tsx, vitest), from dist/ bundles and from Next's server chunks alike.
 */
function findRoot(): string {
  if (process.env.SWITCHYARD_ROOT) return path.resolve(process.env.SWITCHYARD_ROOT);
  const starts = [typeof import.meta.dirname === "string" ? import.meta.dirname : "", process.cwd()];
  for (const start of starts) {
    let dir = start;
    while (dir && dir !== path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "prisma"))) return dir;
      dir = path.dirname(dir);
    }
  }
  return process.cwd();
}

export const PROJECT_ROOT = findRoot();
export const SQLITE_MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma/sqlite/migrations");

/** DATA_DIR and its subfolders: only the server's own user may list or enter them. */
export const PRIVATE_DIR_MODE = 0o700;
/** The database and its -wal/-shm, keys, uploads: owner read/write only. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) 0700, and tightens it to 0700 when it already exists with
 * group or other bits. Only the leaf is tightened: a parent such as /srv is the operator's.
 */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tightenMode(dir, PRIVATE_DIR_MODE);
}

/** chmod `file` to `mode` when it exists and grants more than `mode`; a file we cannot chmod (not ours) is left as it is. */
export function tightenMode(file: string, mode: number = PRIVATE_FILE_MODE): void {
  try {
    const st = fs.statSync(file);
    if ((st.mode & 0o777 & ~mode) !== 0) fs.chmodSync(file, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "EPERM" && code !== "EROFS") throw err;
  }
}
