import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";

const ROWS_PER_INSERT = 50;
const insertSql = (n: number) => `INSERT INTO staged (start, row) VALUES ${Array(n).fill("(?, ?)").join(", ")}`;

/**
 * The rows of a file that is not in time order, held on disk until its last batch and then handed
 * back sorted by start time (then by arrival), so the SQLite sink inserts the whole file in the
 * order of its time-led indexes (sqlite-record-sink.ts).
 *
 * Why: three of call_records' indexes lead with the start time (the content hash does too). Rows
 * in no order sent every commit to leaves all over each index, and every commit rewrote them into
 * the WAL: the cost grew with the square of the file. Sorted groups of 35,000 rows (the previous
 * remedy) still rewrote most index pages once per group: 1M rows in no order loaded in 14–15 s
 * against 6 s in order, and past a few million rows every row cost a page. Staging costs one
 * sequential write and one sort; the insert is then the in-order one, and its ids follow time, so
 * the sink's in-flight accumulators (scanner, device runs) work as for an ordered file.
 *
 * Where: a database file of its own in SQLite's temporary directory, never journaled, deleted by
 * close(); one a crashed process left behind goes when the next is made. A file, not a TEMP table,
 * because a thread of its own reads the sorted rows while the sink inserts them: 1M rows in no
 * order 12.94 / 13.40 s with the read in the sink's thread, 10.53 / 10.43 s beside it (alternating,
 * 2026-12-04). Memory: the page caches and SQLite's sorter, whatever the file's size.
 */
export class StagedRows {
  private readonly file = stagingFile();
  private readonly db = new Database(this.file);
  private readonly insertMany = (() => {
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("temp_store = FILE");
    this.db.pragma("cache_size = -16384");
    this.db.exec(`CREATE TABLE staged (seq INTEGER PRIMARY KEY, start, row)`);
    return this.db.prepare(insertSql(ROWS_PER_INSERT));
  })();
  private readonly insertOne = this.db.prepare(insertSql(1));
  private readonly params: (string | null)[] = new Array(ROWS_PER_INSERT * 2);
  /** Rows staged so far. */
  count = 0;

  /** Stages the batch's rows (in one transaction of the staging database). */
  add({ count, values }: RecordBatch): void {
    this.db.transaction(() => this.addRows(count, values))();
  }

  /** Stages rows read from elsewhere (RECORD_COLUMNS order, one array a row), e.g. records already inserted. */
  addAll(rows: Iterable<RecordValue[]>): number {
    let n = 0;
    const values: RecordValue[] = [];
    this.db.transaction(() => {
      for (const row of rows) {
        for (const v of row) values.push(v);
        if (++n % ROWS_PER_INSERT === 0) {
          this.addRows(ROWS_PER_INSERT, values);
          values.length = 0;
        }
      }
      this.addRows(values.length / ROW_WIDTH, values);
    })();
    return n;
  }

  /**
   * Each row is one JSON array beside its start time: binding two values a row instead of
   * ROW_WIDTH, and the sort moving one value, cost less than the JSON on both sides (1M rows out of
   * order, 2026-12-04: see docs/benchmarks.md). JSON gives back exactly the strings, numbers and
   * nulls a record holds (a lone surrogate is escaped and restored).
   */
  private addRows(count: number, values: RecordValue[]): void {
    const params = this.params;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) {
      for (let r = 0; r < ROWS_PER_INSERT; r++) stageParams(values, (i + r) * ROW_WIDTH, params, r * 2);
      this.insertMany.run(params);
    }
    for (; i < count; i++) {
      stageParams(values, i * ROW_WIDTH, params, 0);
      this.insertOne.run(params[0], params[1]);
    }
    this.count += count;
  }

  /**
   * Every staged row in batches of up to `rows`, by start time and then in the order staged (a
   * file's duplicates, which share their start, keep their lines' order: the first is the one kept).
   * Read and sorted by a thread of its own (SORTED_READER), so SQLite's sort and the rows' decoding
   * run beside the caller's inserts; at most READ_AHEAD batches wait.
   */
  async *sorted(rows = 500): AsyncGenerator<RecordBatch> {
    const sql = `SELECT row FROM staged ORDER BY start, seq`;
    const reader = new Worker(SORTED_READER, { eval: true, workerData: { driver: DRIVER, file: this.file, sql, rows, ahead: READ_AHEAD } });
    const queue: ReaderMessage[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    reader.on("message", (m: ReaderMessage) => (queue.push(m), wake?.()));
    reader.on("error", (err) => ((failure = err), wake?.()));
    reader.on("exit", (code) => (code !== 0 && !failure && (failure = new Error(`the sorted reader stopped (exit code ${code})`)), wake?.()));
    try {
      for (;;) {
        while (queue.length === 0 && !failure) await new Promise<void>((r) => (wake = r));
        if (queue.length === 0 && failure) throw failure;
        const m = queue.shift()!;
        if (m.type === "end") return;
        if (m.type === "error") throw new Error(m.message);
        reader.postMessage("more");
        yield { count: m.count, values: m.values };
      }
    } finally {
      await reader.terminate();
    }
  }

  /** Deletes the staging database. */
  close(): void {
    if (this.db.open) this.db.close();
    fs.rmSync(this.file, { force: true });
  }
}

/** One row's start time and JSON into params from `to`. */
function stageParams(values: RecordValue[], at: number, params: (string | null)[], to: number): void {
  params[to] = values[at + COL.start] as string | null;
  params[to + 1] = JSON.stringify(values.slice(at, at + ROW_WIDTH));
}

/** Where SQLite puts its own temporary files (os_unix.c): SQLITE_TMPDIR, else the system's. */
const stagingDir = () => process.env.SQLITE_TMPDIR || os.tmpdir();
const STAGING_NAME = /^switchyard-staged-(\d+)-[0-9a-f]+\.db$/;

/** A staging file untouched this long is left over whatever its pid says (pids are reused, e.g. in containers). */
const STALE_MS = 24 * 3600_000;

/** A new staging file's path, after deleting those a crashed process left behind (its pid gone, or a day old). */
function stagingFile(): string {
  const dir = stagingDir();
  for (const name of fs.readdirSync(dir)) {
    const pid = STAGING_NAME.exec(name)?.[1];
    if (pid === undefined) continue;
    const file = path.join(dir, name);
    if (!processAlive(Number(pid)) || Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_MS) fs.rmSync(file, { force: true });
  }
  return path.join(dir, `switchyard-staged-${process.pid}-${crypto.randomBytes(6).toString("hex")}.db`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

type ReaderMessage = { type: "batch"; count: number; values: RecordValue[] } | { type: "end" } | { type: "error"; message: string };
const READ_AHEAD = 4;
const DRIVER = createRequire(import.meta.url).resolve("better-sqlite3");
/**
 * The reader thread (plain JavaScript, evaluated: no bundle of its own): opens the staging file
 * read-only, runs the sorted query and posts batches of flat values, READ_AHEAD ahead of what the
 * caller has taken.
 */
const SORTED_READER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
try {
  const db = new Database(workerData.file, { readonly: true });
  db.pragma("temp_store = FILE");
  db.pragma("cache_size = -16384");
  const rows = db.prepare(workerData.sql).pluck().iterate();
  let credits = workerData.ahead;
  let done = false;
  const pump = () => {
    while (credits > 0 && !done) {
      const values = [];
      let count = 0;
      for (; count < workerData.rows; count++) {
        const next = rows.next();
        if (next.done) { done = true; break; }
        for (const v of JSON.parse(next.value)) values.push(v);
      }
      if (count > 0) { parentPort.postMessage({ type: "batch", count, values }); credits--; }
      if (done) { db.close(); parentPort.postMessage({ type: "end" }); }
    }
  };
  parentPort.on("message", () => { credits++; try { pump(); } catch (err) { parentPort.postMessage({ type: "error", message: String(err && err.message || err) }); } });
  pump();
} catch (err) {
  parentPort.postMessage({ type: "error", message: String(err && err.message || err) });
}
`;
