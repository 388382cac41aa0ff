import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgAnalyticsCase, type PgAnalyticsCase } from "../support/analytics-case";
import { exportTextComparer } from "../support/export-text-compare";
import { parquetComparer } from "../support/parquet-compare";

/**
 * Parquet export on PostgreSQL (issue 20): a whole case goes through the keyset pages over the
 * primary key (not the SQLite read-only statement), a filtered export through iterateRecords;
 * DuckDB finds the same rows as in the CSV export of the same filter.
 */
const setup = await pgAnalyticsCase("export_parquet", "parquet on pg");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-pg-parquet-"));
let c: PgAnalyticsCase;
let duck: DuckDBConnection;
let cmp: ReturnType<typeof parquetComparer>;

beforeAll(async () => {
  if (!setup.available) return;
  c = await setup.load();
  duck = await (await DuckDBInstance.create(":memory:")).connect();
  cmp = parquetComparer(c.db, "postgresql://unused", dir, () => duck);
}, 120_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!setup.available)("Parquet export on PostgreSQL", () => {
  it("exports a whole case in several row groups, equal to the CSV", async () => {
    const stored = (await c.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM call_records WHERE case_id = $1 AND duplicate_of IS NULL", [c.caseId])).rows[0]!.n;
    const r = await cmp.compare({ scope: { caseId: c.caseId } }, 16);
    expect(r.counts.parquet).toBe(stored);
    expect(r.counts.csv).toBe(stored);
    expect(r.onlyParquet).toEqual([]);
    expect(r.onlyCsv).toEqual([]);
    const groups = await cmp.rows(`SELECT count(DISTINCT row_group_id)::INTEGER AS n FROM parquet_metadata(${cmp.lit(r.parquet)})`);
    expect(groups[0]!.n).toBe(Math.ceil(stored / 16));
    const files = await cmp.rows(`SELECT count(DISTINCT source_file)::INTEGER AS n FROM read_parquet(${cmp.lit(r.parquet)})`);
    expect(files[0]!.n).toBe(3);
  });

  it("writes CSV and NDJSON of a whole case and of a filter exactly as the records API's rows give them", async () => {
    const text = exportTextComparer(c.db, "postgresql://unused");
    for (const filter of [
      { scope: { caseId: c.caseId }, includeDuplicates: true },
      { scope: { caseId: c.caseId }, type: "sms" },
    ]) {
      const csv = await text.csv(filter);
      expect(csv.fast.split("\n").length).toBeGreaterThan(2);
      expect(csv.fast).toBe(csv.legacy);
      const ndjson = await text.ndjson(filter);
      expect(ndjson.fast).toBe(ndjson.legacy);
    }
  });

  it("applies a filter like the CSV", async () => {
    const r = await cmp.compare({ scope: { caseId: c.caseId }, type: "sms" });
    expect(r.counts.parquet).toBeGreaterThan(0);
    expect(r.counts.csv).toBe(r.counts.parquet);
    expect(r.onlyParquet).toEqual([]);
    expect(r.onlyCsv).toEqual([]);
  });
});
