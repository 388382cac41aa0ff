import { RECORD_COLUMNS, ROW_WIDTH, type RecordValue } from "../ingest/pipeline/record-sink";
import { grownColumn } from "./typed-columns";

/** The identifiers record_devices indexes, and where each sits in a row of a RecordBatch. */
export const DEVICE_KINDS = [
  { kind: "imei", column: RECORD_COLUMNS.indexOf("imei") },
  { kind: "imsi", column: RECORD_COLUMNS.indexOf("imsi") },
] as const;

/**
 * last_id of the one entry written for a value of more than DeviceRuns.spreadRuns runs in a job
 * (0: never an id). The look-up compares the column for such a value (record-device-filter.ts).
 */
export const SPREAD = 0;

/** One record_devices entry: a run of consecutive record ids carrying the value (last_id SPREAD: see there). */
export type DeviceEntry = readonly [kind: string, value: string, first: number, last: number];

/**
 * A job's entries for record_devices (SQLite migration 0012, PostgreSQL 0015): every stored
 * record's IMEI and IMSI, as runs of consecutive record ids with the same value, gathered by the
 * sinks as they store rows whose ids they know, and written at the end of the load sorted by
 * (kind, value, first id). A file of one handset and one SIM is two entries; a tower dump about
 * one per record and kind. Memory: 20 bytes per run (at most spreadRuns + 1 runs a value) plus one
 * string per distinct value.
 *
 * When some ids are not known (a SQLite statement skipped duplicates) or there are too many values,
 * the collector gives up (`complete` false) and the sink reads the job's records back instead
 * (deviceEntriesFromJobSql).
 */
export class DeviceRuns {
  /**
   * Distinct values per kind kept at most: a tower dump with a new handset on every row would
   * hold a million strings here; past this the job is read back instead. Tests lower it.
   */
  static maxValues = 250_000;
  /**
   * Past this many runs in one job (a handset among 50 interleaved targets: a new run every few
   * rows) a value is written as one SPREAD entry: the look-up would give its runs up anyway past
   * MAX_DEVICE_RUNS (this default), and a 1M-row file of 50 interleaved targets wrote 1.9M
   * entries in 1.35 s for nothing. Tests lower it.
   */
  static spreadRuns = 2000;
  private perKind = DEVICE_KINDS.map(() => new ValueRuns());
  private known = true;

  /** False once the collector gave up: the job's entries must be read back from its records. */
  get complete(): boolean {
    return this.known;
  }

  /** Runs held in memory, every kind together (tests: a spread value stops adding them). */
  get heldRuns(): number {
    return this.perKind.reduce((n, runs) => n + runs.size, 0);
  }

  /** A stored row (its values from `at`) and its record id. Runs form where a value's ids come in increasing order. */
  addRow(values: readonly RecordValue[], at: number, id: number): void {
    if (!this.known) return;
    for (let k = 0; k < DEVICE_KINDS.length; k++) {
      const v = values[at + DEVICE_KINDS[k]!.column];
      if (typeof v === "string" && v !== "" && this.perKind[k]!.add(v, id, DeviceRuns.spreadRuns) > DeviceRuns.maxValues) return this.lose();
    }
  }

  /** `rows` consecutive rows from `at` (ROW_WIDTH values each), stored with ids lastId-rows+1 … lastId. */
  addRows(values: readonly RecordValue[], at: number, rows: number, lastId: number): void {
    let id = lastId - rows + 1;
    for (let end = at + rows * ROW_WIDTH; at < end && this.known; at += ROW_WIDTH, id++) this.addRow(values, at, id);
  }

  /** The ids of some rows are unknown: the sink will read the job back. */
  lose(): void {
    if (!this.known) return;
    this.known = false;
    this.perKind = DEVICE_KINDS.map(() => new ValueRuns());
  }

  /** Every entry, by kind, then value, then first id. */
  *entries(): IterableIterator<DeviceEntry> {
    for (let k = 0; k < DEVICE_KINDS.length; k++) {
      const { kind } = DEVICE_KINDS[k]!;
      for (const [value, first, last] of this.perKind[k]!.sorted(DeviceRuns.spreadRuns)) yield [kind, value, first, last];
    }
  }
}

/**
 * The statements that write a job's entries from its stored records (one per kind, the job id
 * their one parameter): runs of consecutive ids per value (id minus the record's rank among the
 * value's records is constant along a run), sorted by the database. The sinks' fallback, and how
 * records stored by other means than the loader (test seeds through Prisma) get their entries.
 */
export function deviceEntriesFromJobSql(engine: "sqlite" | "postgres"): string[] {
  const param = engine === "sqlite" ? "?" : "$1";
  return DEVICE_KINDS.map(
    ({ kind }) =>
      `INSERT ${engine === "sqlite" ? "OR IGNORE " : ""}INTO record_devices (case_id, kind, value, first_id, last_id)
       SELECT case_id, '${kind}', v, MIN(id), MAX(id) FROM (
         SELECT case_id, ${kind} AS v, id, id - ROW_NUMBER() OVER (PARTITION BY ${kind} ORDER BY id) AS run
         FROM call_records WHERE job_id = ${param} AND ${kind} IS NOT NULL AND ${kind} <> ''
       ) AS runs GROUP BY case_id, v, run ORDER BY 1, 3, 4${engine === "postgres" ? " ON CONFLICT DO NOTHING" : ""}`,
  );
}

/**
 * Runs of ids per value, ids arriving in increasing order. A value stops collecting runs once it
 * has one more than `spreadRuns`: it is written as one SPREAD entry whatever follows, and its first
 * run (the entry's first id) is kept. Before, a 1M-row file of 50 interleaved targets held ~1.9M
 * runs (20 bytes each, ~40 MB, more while an array doubled) to write 100 entries: `npm run bench`
 * on that file peaked at 340–427 MB in 17 runs (4 over the 400 MB target), 286–373 MB in 12 runs
 * after (2026-12-05, docs/benchmarks.md).
 */
class ValueRuns {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  /** Per value, its latest run. */
  private latest = new Uint32Array(256);
  /** Per value, how many runs it holds. */
  private runsOf = new Uint32Array(256);
  private valueOf = new Uint32Array(1024);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  private n = 0;

  get size(): number {
    return this.n;
  }

  /** Notes the id under the value (a spread value's runs are no longer kept); returns how many distinct values there are. */
  add(value: string, id: number, spreadRuns: number): number {
    let v = this.index.get(value);
    if (v !== undefined) {
      const r = this.latest[v]!;
      if (this.last[r] === id - 1) {
        this.last[r] = id;
        return this.values.length;
      }
      if (this.runsOf[v]! > spreadRuns) return this.values.length;
    } else {
      v = this.values.push(value) - 1;
      this.index.set(value, v);
      if (v === this.latest.length) {
        this.latest = grownColumn(this.latest, new Uint32Array(v * 2));
        this.runsOf = grownColumn(this.runsOf, new Uint32Array(v * 2));
      }
    }
    this.runsOf[v]!++;
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
