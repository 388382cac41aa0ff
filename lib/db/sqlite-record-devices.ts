import type Database from "better-sqlite3";
import { RECORD_COLUMNS, ROW_WIDTH, type RecordValue } from "../ingest/pipeline/record-sink";
import { grownColumn } from "./typed-columns";

const KINDS = [
  { kind: "imei", column: RECORD_COLUMNS.indexOf("imei") },
  { kind: "imsi", column: RECORD_COLUMNS.indexOf("imsi") },
] as const;
/**
 * last_id of the one entry written for a value of more than DeviceIdCollector.spreadRuns runs in a
 * job (0: never an id). The look-up compares the column for such a value (record-device-filter.ts).
 */
export const SPREAD = 0;
/** Entries per multi-row INSERT (5 parameters each). */
const ROWS_PER_INSERT = 100;

/**
 * A job's entries for record_devices (migration 0012_record_devices): every record's IMEI and
 * IMSI, as runs of consecutive record ids with the same value, gathered by the SQLite sink as it
 * inserts (it knows the ids of a statement's rows when all of them were new) and written by
 * finish() sorted by (kind, value, first id), so each value's entries go into the table's B-tree in
 * one forward run. A file of one handset and one SIM is two entries; a tower dump about one per
 * record and kind. Memory: 20 bytes per run plus one string per distinct value.
 *
 * When the ids are not known (a statement skipped duplicates) the collector gives up and write()
 * reads the job's records back instead (DEVICE_ENTRIES_FROM_JOB_SQL).
 */
export class DeviceIdCollector {
  /**
   * Distinct values per kind kept at most: a tower dump with a new handset on every row would
   * hold a million strings here; past this the job is read back instead (its sort spills to
   * temporary files on the loader's connection). Tests lower it.
   */
  static maxValues = 250_000;
  /**
   * Past this many runs in one job (a handset among 50 interleaved targets: a new run every few
   * rows) a value is written as one SPREAD entry: the look-up would give its runs up anyway past
   * MAX_DEVICE_RUNS (the same 2,000), and a 1M-row file of 50 interleaved targets wrote 1.9M
   * entries in 1.35 s for nothing. Tests lower it.
   */
  static spreadRuns = 2000;
  private readonly perKind = KINDS.map(() => new ValueRuns());
  private known = true;

  /** One statement's rows from `at` (ROW_WIDTH values each), stored with ids lastId-rows+1 … lastId. */
  add(values: RecordValue[], at: number, rows: number, lastId: number): void {
    if (!this.known) return;
    let id = lastId - rows + 1;
    for (let end = at + rows * ROW_WIDTH; at < end; at += ROW_WIDTH, id++) {
      for (let k = 0; k < KINDS.length; k++) {
        const v = values[at + KINDS[k]!.column];
        if (typeof v === "string" && v !== "" && this.perKind[k]!.add(v, id) > DeviceIdCollector.maxValues) return this.lose();
      }
    }
  }

  /** The ids of some rows are unknown: write() will read the job back. */
  lose(): void {
    if (!this.known) return;
    this.known = false;
    for (let k = 0; k < KINDS.length; k++) this.perKind[k] = new ValueRuns();
  }

  /** Inside the caller's transaction: the job's entries into record_devices; returns how many. */
  write(db: Database.Database, caseId: number, jobId: string): number {
    if (!this.known) return writeFromTable(db, jobId);
    const insert = (n: number) =>
      db.prepare(`INSERT OR IGNORE INTO record_devices (case_id, kind, value, first_id, last_id) VALUES ${Array(n).fill("(?, ?, ?, ?, ?)").join(", ")}`);
    const many = insert(ROWS_PER_INSERT);
    const params: (string | number)[] = [];
    let written = 0;
    for (let k = 0; k < KINDS.length; k++) {
      const { kind } = KINDS[k]!;
      for (const [value, first, last] of this.perKind[k]!.sorted(DeviceIdCollector.spreadRuns)) {
        params.push(caseId, kind, value, first, last);
        if (params.length === ROWS_PER_INSERT * 5) {
          written += many.run(params).changes;
          params.length = 0;
        }
      }
    }
    if (params.length > 0) written += insert(params.length / 5).run(params).changes;
    return written;
  }
}

/**
 * The statements that write a job's entries from its stored records (one per kind, the job id
 * their one parameter): runs of consecutive ids per value (id minus the record's rank among the
 * value's records is constant along a run), sorted by SQLite. write()'s fallback, and how records
 * stored by other means than the loader (test seeds through Prisma) get their entries.
 */
export const DEVICE_ENTRIES_FROM_JOB_SQL = KINDS.map(
  ({ kind }) =>
    `INSERT OR IGNORE INTO record_devices (case_id, kind, value, first_id, last_id)
     SELECT case_id, '${kind}', v, MIN(id), MAX(id) FROM (
       SELECT case_id, ${kind} AS v, id, id - ROW_NUMBER() OVER (PARTITION BY ${kind} ORDER BY id) AS run
       FROM call_records WHERE job_id = ? AND ${kind} IS NOT NULL AND ${kind} <> ''
     ) GROUP BY v, run ORDER BY 1, 3, 4`,
);

function writeFromTable(db: Database.Database, jobId: string): number {
  let written = 0;
  for (const sql of DEVICE_ENTRIES_FROM_JOB_SQL) written += db.prepare(sql).run(jobId).changes;
  return written;
}

/**
 * Inside the caller's transaction: removes the job's entries (before its records go). A run never
 * spans two jobs, so the job's entries are those under its values whose first id is one of its
 * records (a set SQLite builds once from the (job_id, …) index).
 */
export function deleteJobDevices(db: Database.Database, jobId: string): void {
  for (const { kind } of KINDS) {
    db.prepare(
      `DELETE FROM record_devices
        WHERE case_id = (SELECT case_id FROM call_records WHERE job_id = @job LIMIT 1) AND kind = '${kind}'
          AND value IN (SELECT DISTINCT ${kind} FROM call_records WHERE job_id = @job AND ${kind} IS NOT NULL)
          AND first_id IN (SELECT id FROM call_records WHERE job_id = @job)`,
    ).run({ job: jobId });
  }
}

/** Runs of ids per value, ids arriving in increasing order. */
class ValueRuns {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  /** Per value, its latest run. */
  private latest = new Uint32Array(256);
  private valueOf = new Uint32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private n = 0;

  /** Notes the id under the value; returns how many distinct values there are. */
  add(value: string, id: number): number {
    let v = this.index.get(value);
    if (v !== undefined) {
      const r = this.latest[v]!;
      if (this.last[r] === id - 1) {
        this.last[r] = id;
        return this.values.length;
      }
    } else {
      v = this.values.push(value) - 1;
      this.index.set(value, v);
      if (v === this.latest.length) this.latest = grownColumn(this.latest, new Uint32Array(v * 2));
    }
    if (this.n === this.first.length) {
      this.valueOf = grownColumn(this.valueOf, new Uint32Array(this.n * 2));
      this.first = grownColumn(this.first, new Float64Array(this.n * 2));
      this.last = grownColumn(this.last, new Float64Array(this.n * 2));
    }
    this.valueOf[this.n] = v;
    this.first[this.n] = id;
    this.last[this.n] = id;
    this.latest[v] = this.n++;
    return this.values.length;
  }

  /**
   * Every run as [value, first id, last id] in (value, first id) order: the values sorted, then the
   * runs bucketed by value rank (each value's runs arrive in id order). A value of more than
   * `spreadRuns` runs is one entry: [value, its first id, SPREAD].
   */
  *sorted(spreadRuns: number): IterableIterator<[string, number, number]> {
    const order = this.values.map((_, i) => i).sort((a, b) => (this.values[a]! < this.values[b]! ? -1 : this.values[a]! > this.values[b]! ? 1 : 0));
    const rank = new Uint32Array(this.values.length);
    order.forEach((v, r) => (rank[v] = r));
    const start = new Uint32Array(this.values.length + 1);
    for (let i = 0; i < this.n; i++) start[rank[this.valueOf[i]!]! + 1]!++;
    for (let r = 0; r < this.values.length; r++) start[r + 1]! += start[r]!;
    const runs = new Uint32Array(this.n);
    const next = start.slice(0, this.values.length);
    for (let i = 0; i < this.n; i++) runs[next[rank[this.valueOf[i]!]!]!++] = i;
    for (let r = 0; r < order.length; r++) {
      const value = this.values[order[r]!]!;
      if (start[r + 1]! - start[r]! > spreadRuns) yield [value, this.first[runs[start[r]!]!]!, SPREAD];
      else for (let j = start[r]!; j < start[r + 1]!; j++) yield [value, this.first[runs[j]!]!, this.last[runs[j]!]!];
    }
  }
}
