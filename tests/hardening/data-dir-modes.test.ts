import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../lib/config";
import { openSqlite } from "../../lib/db/open-sqlite";
import { prepareDatabase } from "../../lib/db/prepare-database";
import { prepareDataDir } from "../../lib/server/data-dir";
import { isWorkCopyName, openPlaintext } from "../../lib/security/plaintext-copy";
import { saveUploadStream } from "../../lib/storage/save-upload";
import { Readable } from "node:stream";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: the start-up steps server.ts runs before the database opens and before any worker
 * starts (prepareDataDir), on a real data directory and SQLite file, under the test process's
 * ordinary umask (022) so the modes come from the code, not from server.ts's umask.
 */
const tmp = tempDataDir("switchyard-modes-");
afterAll(() => tmp.cleanup());
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe("data directory and database modes", () => {
  const dataDir = path.join(tmp.dir, "data");
  const config = loadConfig({ DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv);
  const dbFile = path.join(dataDir, "switchyard.db");

  it("a first start creates DATA_DIR and its folders 0700 and the database files 0600", async () => {
    expect(process.umask() & 0o077).not.toBe(0o077); // the code, not the umask, must do it
    await prepareDataDir(config);
    prepareDatabase(config.databaseUrl);
    const live = openSqlite(dbFile); // holds the WAL open so -wal/-shm exist
    try {
      live.prepare("SELECT count(*) FROM users").get();
      for (const d of [dataDir, config.uploadsDir, path.join(dataDir, "work"), path.join(dataDir, "keys")]) expect(mode(d), d).toBe(0o700);
      for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) if (fs.existsSync(f)) expect(mode(f), f).toBe(0o600);
      expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
    } finally {
      live.close();
    }
  });

  it("the next start tightens a loosened 0644 database, its -wal/-shm and 0755 folders", async () => {
    const wal = `${dbFile}-wal`;
    const shm = `${dbFile}-shm`;
    for (const f of [wal, shm]) if (!fs.existsSync(f)) fs.writeFileSync(f, "");
    for (const f of [dbFile, wal, shm]) fs.chmodSync(f, 0o644);
    for (const d of [dataDir, config.uploadsDir, path.join(dataDir, "work")]) fs.chmodSync(d, 0o755);
    await prepareDataDir(config);
    for (const f of [dbFile, wal, shm]) expect(mode(f), f).toBe(0o600);
    for (const d of [dataDir, config.uploadsDir, path.join(dataDir, "work")]) expect(mode(d), d).toBe(0o700);
  });

  it("openSqlite alone (CLI, worker threads) also creates a new database 0600 in a new 0700 folder and tightens a loose one", () => {
    const file = path.join(tmp.dir, "cli", "other.db");
    const db = openSqlite(file);
    db.exec("CREATE TABLE t (x)");
    db.close();
    expect(mode(path.dirname(file))).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    fs.chmodSync(file, 0o644);
    openSqlite(file).close();
    expect(mode(file)).toBe(0o600);
  });

  it("uploads are stored 0600", async () => {
    const stored = await saveUploadStream(Readable.from([Buffer.from("a,b\n1,2\n")]), config.uploadsDir, 1000);
    expect(mode(stored.storedPath)).toBe(0o600);
  });
});

describe("plaintext work copies left by a killed worker", () => {
  it("are removed at start-up; files the app does not name are left alone", async () => {
    const dataDir = path.join(tmp.dir, "crash");
    const config = loadConfig({ DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv);
    await prepareDataDir(config);
    // A real decrypted copy, as a worker makes it, then "killed" (never disposed).
    const stored = await saveUploadStream(Readable.from([Buffer.from("caller,callee\n5551234,5555678\n")]), config.uploadsDir, 1000);
    const jobId = crypto.randomBytes(8).toString("hex");
    const plain = await openPlaintext(stored.storedPath, dataDir, jobId);
    expect(fs.readFileSync(plain.path, "utf8")).toContain("5551234");
    const work = path.join(dataDir, "work");
    const preview = path.join(work, `${crypto.randomUUID()}.preview`);
    const legacy = path.join(work, crypto.randomUUID());
    const foreign = path.join(work, "operator-notes.txt");
    for (const f of [preview, legacy, foreign]) fs.writeFileSync(f, "plaintext");
    fs.mkdirSync(path.join(work, "0123456789abcdef.d"));

    const { workCopiesRemoved } = await prepareDataDir(config);
    expect(workCopiesRemoved).toBe(3);
    expect(fs.existsSync(plain.path)).toBe(false);
    expect(fs.existsSync(preview)).toBe(false);
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.existsSync(foreign)).toBe(true);
    expect(fs.existsSync(stored.storedPath)).toBe(true); // the encrypted upload stays for the rerun
    expect(isWorkCopyName("../x")).toBe(false);
  });

  it("are left to the age-based sweep on PostgreSQL, where DATA_DIR is shared with workers running jobs", async () => {
    const dataDir = path.join(tmp.dir, "cluster");
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: "postgres://u@127.0.0.1:1/x" } as unknown as NodeJS.ProcessEnv);
    await prepareDataDir(config);
    const live = path.join(dataDir, "work", crypto.randomBytes(8).toString("hex"));
    fs.writeFileSync(live, "a worker elsewhere is reading this");
    expect((await prepareDataDir(config)).workCopiesRemoved).toBe(0);
    expect(fs.existsSync(live)).toBe(true);
  });
});
