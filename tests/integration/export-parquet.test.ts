import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { beforeAll, describe, expect, it } from "vitest";
import { EXPORT_COLUMNS } from "../../lib/data/records-export-rows";
import { recordsParquetStream } from "../../lib/data/records-parquet";
import { bundledWorkerScript } from "../../lib/worker-script";
import { caseSqliteHarness } from "../support/case-sqlite";
import { cdrFixtures } from "../support/corpora";
import { parquetComparer } from "../support/parquet-compare";

// Parquet export (issue 20): the file DuckDB reads holds exactly what the CSV export holds, typed.
const h = caseSqliteHarness();
let duck: DuckDBConnection;
let caseA = 0;
let caseB = 0;
let emptyCase = 0;
const jobsA: string[] = [];
const { compare, toFile, rows, lit } = parquetComparer(h.db, h.tmp.databaseUrl, h.tmp.dir, () => duck);

beforeAll(async () => {
  duck = await (await DuckDBInstance.create(":memory:")).connect();
  caseA = await h.newCase("parquet A");
  caseB = await h.newCase("parquet B");
  emptyCase = await h.newCase("parquet empty");
  const day = Date.UTC(2024, 2, 1);
  for (const [i, rowsIn] of [400, 250].entries()) {
    const { jobId } = await h.load(h.attFile(`a${i}.csv`, { rows: rowsIn, startMs: day + i * 86_400_000, stepSeconds: 90, seed: 31 + i }), caseA);
    jobsA.push(jobId);
  }
  // Real carrier layouts (parties of every kind, empty cells, other carriers), when the corpus is here.
  const fixtures = cdrFixtures();
  if (fixtures) for (const f of ["tmobile-3.csv", "sprint-2.csv", "generic-1.tsv"]) jobsA.push((await h.load(path.join(fixtures, f), caseA)).jobId);
  await h.load(h.attFile("b.csv", { rows: 120, startMs: day, stepSeconds: 60, seed: 77 }), caseB);
}, 120_000);

describe("Parquet export", () => {
  it("holds the case's records, typed, exactly as the CSV export does (several row groups)", async () => {
    // Encoded in this thread: every row group full but the last.
    const r = await compare({ scope: { caseId: caseA }, includeDuplicates: true }, 128, { encoders: 1 });
    expect(r.counts.parquet).toBe(h.recordsIn(caseA));
    expect(r.counts.csv).toBe(r.counts.parquet);
    expect(r.onlyParquet).toEqual([]);
    expect(r.onlyCsv).toEqual([]);
    const types = Object.fromEntries((await rows(`DESCRIBE SELECT * FROM read_parquet(${lit(r.parquet)})`)).map((c) => [c.column_name, c.column_type]));
    expect(Object.keys(types)).toEqual(EXPORT_COLUMNS);
    expect(types).toMatchObject({
      start_time: "TIMESTAMP WITH TIME ZONE",
      end_time: "TIMESTAMP WITH TIME ZONE",
      duration_seconds: "INTEGER",
      repaired: "BOOLEAN",
      duplicate_of: "INTEGER",
      source_line: "INTEGER",
      caller: "VARCHAR",
      source_file: "VARCHAR",
    });
    const groups = await rows(`SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata(${lit(r.parquet)})`);
    expect(groups[0]!.n).toBe(Math.ceil(r.counts.parquet / 128));
    // Another case's records never leak in.
    const other = await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(r.parquet)}) WHERE source_file = 'b.csv'`);
    expect(other[0]!.n).toBe(0);
  });

  it("encodes in encoder threads, span by span, the same records in the same order", async () => {
    expect(bundledWorkerScript("parquet-encoder"), "dist/workers/parquet-encoder.mjs is built by `npm run build` (npm test builds first)").not.toBeNull();
    const filter = { scope: { caseId: caseA }, includeDuplicates: true };
    const threaded = await compare(filter, 128, { encoders: 2 });
    expect(threaded.counts.parquet).toBe(h.recordsIn(caseA));
    expect(threaded.onlyParquet).toEqual([]);
    expect(threaded.onlyCsv).toEqual([]);
    const single = await toFile(recordsParquetStream(h.db, h.tmp.databaseUrl, filter, 128, { encoders: 1 }), "parquet");
    // Row for row, in id order (the order the file holds them in), both files agree.
    const ordered = (file: string) => `SELECT source_file, source_line, start_time, caller, callee, file_row_number FROM read_parquet(${lit(file)}, file_row_number = true)`;
    expect(await rows(`SELECT count(*)::INTEGER AS n FROM ((${ordered(threaded.parquet)}) EXCEPT ALL (${ordered(single)}))`)).toEqual([{ n: 0 }]);
    const groups = await rows(`SELECT row_group_id, max(row_group_num_rows)::INTEGER AS n FROM parquet_metadata(${lit(threaded.parquet)}) GROUP BY ALL`);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => Number(g.n) <= 128)).toBe(true);
    // One job and no duplicates through the threads too.
    const job = await compare({ scope: { caseId: caseA }, jobId: jobsA[0]!, includeDuplicates: true }, 64, { encoders: 2 });
    expect(job.counts.parquet).toBe(h.recordsOf(jobsA[0]!));
    expect([job.onlyParquet, job.onlyCsv]).toEqual([[], []]);
    const unique = await compare({ scope: { caseId: caseA } }, 64, { encoders: 3 });
    expect(unique.counts.parquet).toBe(h.recordsIn(caseA) - h.linksIn(caseA));
    expect([unique.onlyParquet, unique.onlyCsv]).toEqual([[], []]);
  });

  it("exports one job, and a case without duplicates, like the CSV", async () => {
    const job = jobsA[1]!;
    const r = await compare({ scope: { caseId: caseA }, jobId: job, includeDuplicates: true });
    expect(r.counts.parquet).toBe(h.recordsOf(job));
    expect(r.onlyParquet).toEqual([]);
    expect(r.onlyCsv).toEqual([]);
    const jobs = await rows(`SELECT DISTINCT job_id FROM read_parquet(${lit(r.parquet)})`);
    expect(jobs).toEqual([{ job_id: job }]);
    const counted = await compare({ scope: { caseId: caseA } });
    expect(counted.counts.parquet).toBe(h.recordsIn(caseA) - h.linksIn(caseA));
    expect(counted.onlyParquet).toEqual([]);
  });

  it("applies the record filters (the general path) like the CSV", async () => {
    const r = await compare({ scope: { caseId: caseA }, direction: "outgoing", minDuration: 60, includeDuplicates: true });
    expect(r.counts.parquet).toBeGreaterThan(0);
    expect(r.counts.parquet).toBeLessThan(h.recordsIn(caseA));
    expect(r.counts.csv).toBe(r.counts.parquet);
    expect(r.onlyParquet).toEqual([]);
    expect(r.onlyCsv).toEqual([]);
  });

  it("writes a readable file with no rows for an empty case", async () => {
    for (const encoders of [1, 2]) {
      const file = await toFile(recordsParquetStream(h.db, h.tmp.databaseUrl, { scope: { caseId: emptyCase } }, undefined, { encoders }), "parquet");
      expect((await rows(`SELECT count(*)::INTEGER AS n FROM read_parquet(${lit(file)})`))[0]!.n).toBe(0);
      expect((await rows(`DESCRIBE SELECT * FROM read_parquet(${lit(file)})`)).length).toBe(EXPORT_COLUMNS.length);
    }
  });
});
