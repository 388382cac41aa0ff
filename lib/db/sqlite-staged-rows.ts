import Database from "better-sqlite3";
import { COL, RECORD_COLUMNS, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";

/** Staged columns: c0 … c{ROW_WIDTH-1} in RECORD_COLUMNS order, untyped (no affinity: values come back as they went in). */
const COLUMNS = RECORD_COLUMNS.map((_, i) => `c${i}`);
const ROWS_PER_INSERT = 50;
const insertSql = (n: number) =>
  `INSERT INTO staged (${COLUMNS.join(", ")}) VALUES ${Array(n)
    .fill(`(${Array(ROW_WIDTH).fill("?").join(", ")})`)
    .join(", ")}`;

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
 * Where: a private temporary database of its own connection (`new Database("")`: SQLite's on-disk
 * temporary file, unlinked as soon as it is opened, so nothing is left behind by a crash), never
 * journaled. A connection of its own because better-sqlite3 runs nothing else on a connection
 * while one of its statements is being iterated, and the sorted rows are read while the sink
 * inserts them. Memory: the page cache below and SQLite's sorter, whatever the file's size.
 */
export class StagedRows {
  private readonly db = new Database("");
  private readonly insertMany = (() => {
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    this.db.pragma("temp_store = FILE");
    this.db.pragma("cache_size = -16384");
    this.db.exec(`CREATE TABLE staged (seq INTEGER PRIMARY KEY, ${COLUMNS.join(", ")})`);
    return this.db.prepare(insertSql(ROWS_PER_INSERT));
  })();
  private readonly insertOne = this.db.prepare(insertSql(1));
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

  private addRows(count: number, values: RecordValue[]): void {
    const span = ROWS_PER_INSERT * ROW_WIDTH;
    let i = 0;
    for (; i + ROWS_PER_INSERT <= count; i += ROWS_PER_INSERT) this.insertMany.run(values.slice(i * ROW_WIDTH, i * ROW_WIDTH + span));
    for (; i < count; i++) this.insertOne.run(values.slice(i * ROW_WIDTH, (i + 1) * ROW_WIDTH));
    this.count += count;
  }

  /**
   * Every staged row in batches of up to `rows`, by start time and then in the order staged (a
   * file's duplicates, which share their start, keep their lines' order: the first is the one kept).
   */
  *sorted(rows = 500): IterableIterator<RecordBatch> {
    const select = this.db.prepare(`SELECT ${COLUMNS.join(", ")} FROM staged ORDER BY c${COL.start}, seq`).raw(true);
    let values: RecordValue[] = [];
    let count = 0;
    for (const row of select.iterate() as IterableIterator<RecordValue[]>) {
      for (let c = 0; c < ROW_WIDTH; c++) values.push(row[c]!);
      if (++count === rows) {
        yield { count, values };
        values = [];
        count = 0;
      }
    }
    if (count > 0) yield { count, values };
  }

  /** Deletes the staging database (its file went when it was opened). */
  close(): void {
    if (this.db.open) this.db.close();
  }
}
