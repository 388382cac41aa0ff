import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh data directory + SQLite URL per test file: real files, removed afterwards. */
export function tempDataDir(prefix = "switchyard-test-"): { dir: string; databaseUrl: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, databaseUrl: `file:${path.join(dir, "switchyard.db")}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
