import Database from "better-sqlite3";
import { Prisma } from "../../generated/prisma-sqlite/client";
import { parseDatabaseUrl } from "../db/database-url";
import { dbEngine, type Db } from "../db/prisma";
import { RECORD_FIELDS } from "../schemas/record-fields";
import { caseCondition } from "./case-condition";
import { recordsCsvHeader } from "./records-csv";
import { iterateRecords, type RecordFilter } from "./records";

/** The export columns (the CSV's), in order; a row below is one value per column. */
export const EXPORT_COLUMNS = recordsCsvHeader().split(",");

/** One record as the export writes it: EXPORT_COLUMNS' values in order (null for an empty cell). */
export type ExportRow = unknown[];

const PARTIES = new Set(["caller", "callee", "target"]);

/**
 * The SELECT list producing EXPORT_COLUMNS from call_records r (joined to its job j when
 * `withFile`). An E.164 party's kind is stored as null and read as "e164" (as toRecordDto does);
 * on SQLite the times come as epoch milliseconds (unixepoch: stored times are whole-second UTC),
 * which spares a string and a Date.parse per value, and the file name is looked up per job.
 */
function selectList(engine: "sqlite" | "postgres"): string {
  return EXPORT_COLUMNS.map((c) => {
    if (c === "source_file") return engine === "sqlite" ? "NULL AS source_file" : "j.file_name AS source_file";
    if (c === "source_line") return "r.line AS source_line";
    if (engine === "sqlite" && (c === "start_time" || c === "end_time")) return `unixepoch(r.${c}) * 1000 AS ${c}`;
    const party = c.endsWith("_kind") ? c.slice(0, -"_kind".length) : "";
    if (PARTIES.has(party)) return `COALESCE(r.${c}, CASE WHEN r.${party} IS NOT NULL THEN 'e164' END) AS ${c}`;
    return `r.${c}`;
  }).join(", ");
}

const jobAt = EXPORT_COLUMNS.indexOf("job_id");
const fileAt = EXPORT_COLUMNS.indexOf("source_file");
const booleanAt = EXPORT_COLUMNS.map((c, i) => (c in RECORD_FIELDS && RECORD_FIELDS[c as keyof typeof RECORD_FIELDS].pg === "boolean" ? i : -1)).filter((i) => i >= 0);

/** SQLite's 0/1 booleans read as booleans. */
function finishRow(row: ExportRow): ExportRow {
  for (const i of booleanAt) row[i] = row[i] === 1 || row[i] === true;
  return row;
}

/** Only the case/job scope (and duplicates): the shape of "export this case" or "this job", which reads rows in id order without the filter machinery. */
function isScopeOnly(f: RecordFilter): boolean {
  const { number, imei, imsi, cell, from, to, type, direction, minDuration, maxDuration } = f;
  return [number, imei, imsi, cell, from, to, type, direction].every((v) => !v?.trim()) && minDuration === undefined && maxDuration === undefined;
}

/**
 * The filtered records for an export, in id order, in batches. A whole case or job (no other
 * filter) is read straight from the table in primary-key order: on SQLite one read-only
 * better-sqlite3 statement (one snapshot; ~3 µs a row against ~40 µs through Prisma, whose keyset
 * pages also re-sort the case's rows through the (case_id, …) index on every page); on PostgreSQL
 * keyset pages over the primary key. Any other filter goes through iterateRecords (records.ts), so
 * filters are written once. `databaseUrl` names the SQLite file the Prisma client `db` reads.
 */
export async function* exportRowBatches(db: Db, databaseUrl: string, f: RecordFilter, batch = 5000): AsyncGenerator<ExportRow[]> {
  if (!isScopeOnly(f)) {
    let rows: ExportRow[] = [];
    for await (const r of iterateRecords(db, f, batch)) {
      const named: Record<string, unknown> = { job_id: r.jobId, ...r };
      rows.push(EXPORT_COLUMNS.map((c) => named[c] ?? null));
      if (rows.length >= batch) yield rows.splice(0);
    }
    if (rows.length) yield rows;
    rows = [];
    return;
  }
  const target = parseDatabaseUrl(databaseUrl);
  if (dbEngine(db) === "sqlite" && target.kind === "sqlite") yield* sqliteBatches(target.file, f, batch);
  else yield* keysetBatches(db, f, batch);
}

async function* sqliteBatches(file: string, f: RecordFilter, batch: number): AsyncGenerator<ExportRow[]> {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const c = f.scope.caseId;
    // `+r.case_id` / `+r.job_id` keep SQLite off the scope indexes, whose rows come back out of
    // id order and would be sorted in a temp B-tree (memory); the id range bounds the scan instead.
    const scope = [
      c === undefined ? "1 = 1" : typeof c === "number" ? `+r.case_id = ${Number(c)}` : c.in.length ? `+r.case_id IN (${c.in.map(Number).join(", ")})` : "1 = 0",
      f.jobId ? "+r.job_id = @job" : "1 = 1",
    ].join(" AND ");
    const where = `${scope} AND ${f.includeDuplicates ? "1 = 1" : "r.duplicate_of IS NULL"}`;
    const params = f.jobId ? { job: f.jobId } : {};
    // The id range of the scope, read from its index alone (min/max over (case_id, …) or (job_id, …)).
    const range = conn.prepare(`SELECT min(id) AS lo, max(id) AS hi FROM call_records r WHERE ${scope.replaceAll("+r.", "r.")}`).get(params) as { lo: number | null; hi: number | null };
    if (range.lo === null || range.hi === null) return;
    const stmt = conn.prepare(`SELECT ${selectList("sqlite")} FROM call_records r WHERE r.id BETWEEN @lo AND @hi AND ${where} ORDER BY r.id`).raw(true);
    const fileName = conn.prepare("SELECT file_name FROM ingestion_jobs WHERE id = ?").pluck(true);
    const files = new Map<unknown, unknown>();
    let rows: ExportRow[] = [];
    for (const row of stmt.iterate({ ...params, lo: range.lo, hi: range.hi }) as IterableIterator<ExportRow>) {
      const job = row[jobAt];
      let file = files.get(job);
      if (file === undefined) files.set(job, (file = fileName.get(job) ?? null));
      row[fileAt] = file;
      rows.push(finishRow(row));
      if (rows.length >= batch) {
        // Yielding hands the batch to the writer and lets the event loop run between batches.
        yield rows;
        rows = [];
      }
    }
    if (rows.length) yield rows;
  } finally {
    conn.close();
  }
}

async function* keysetBatches(db: Db, f: RecordFilter, batch: number): AsyncGenerator<ExportRow[]> {
  const where = Prisma.sql`${caseCondition(f.scope, "r.case_id")} AND ${f.jobId ? Prisma.sql`r.job_id = ${f.jobId}` : Prisma.sql`1 = 1`} AND ${f.includeDuplicates ? Prisma.sql`1 = 1` : Prisma.sql`r.duplicate_of IS NULL`}`;
  const columns = Prisma.raw(selectList("postgres"));
  let cursor = 0;
  for (;;) {
    const page = await db.$queryRaw<Record<string, unknown>[]>`SELECT r.id AS export_id, ${columns} FROM call_records r JOIN ingestion_jobs j ON j.id = r.job_id WHERE r.id > ${cursor} AND ${where} ORDER BY r.id LIMIT ${batch}`;
    if (page.length) yield page.map((r) => finishRow(EXPORT_COLUMNS.map((c) => r[c] ?? null)));
    if (page.length < batch) return;
    cursor = Number(page[page.length - 1]!.export_id);
  }
}
