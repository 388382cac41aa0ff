import path from "node:path";
import type { AppConfig } from "../config";
import { parseDatabaseUrl } from "../db/database-url";
import { sqliteFiles } from "../db/open-sqlite";
import { ensurePrivateDir, tightenMode } from "../paths";
import { removeWorkCopies, WORK_DIR } from "../security/plaintext-copy";

export interface DataDirReport {
  /** Plaintext work copies a killed process had left behind, now removed. */
  workCopiesRemoved: number;
}

/**
 * Start-up, before the database opens and before any worker runs (server.ts): DATA_DIR and its
 * folders (uploads, work, keys) are 0700 — created so, or tightened when an older version or a
 * hand-made folder left them looser; the SQLite database and its -wal/-shm are 0600; and every
 * plaintext copy in work/ (the app's own names only) is removed, since no job can be reading it.
 * That last step only on the embedded SQLite setup, where this process is the only one running
 * jobs on DATA_DIR: on PostgreSQL, DATA_DIR is shared with standalone workers whose running jobs
 * read their copies there, so the hourly sweep (lib/jobs/retention.ts, by age) removes strays.
 */
export async function prepareDataDir(config: Pick<AppConfig, "dataDir" | "uploadsDir" | "databaseUrl">): Promise<DataDirReport> {
  ensurePrivateDir(config.dataDir);
  for (const dir of [config.uploadsDir, path.join(config.dataDir, WORK_DIR), path.join(config.dataDir, "keys")]) ensurePrivateDir(dir);
  const target = parseDatabaseUrl(config.databaseUrl);
  if (target.kind !== "sqlite") return { workCopiesRemoved: 0 };
  for (const f of sqliteFiles(target.file)) tightenMode(f);
  return { workCopiesRemoved: await removeWorkCopies(config.dataDir) };
}
