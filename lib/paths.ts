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
