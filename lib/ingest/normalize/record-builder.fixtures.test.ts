import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cdrFixtures, loadCdrTruths, type CdrTruth } from "../../../tests/support/corpora";
import type { ColumnMapping } from "../../schemas/mapping";
import type { MappableField } from "../../schemas/fields";
import type { SourceRow } from "../types";
import { compileRecordBuilder } from "./record-builder";
import { hashRecord } from "./hash-record";
import { validateRecord } from "./validate-record";

const dir = cdrFixtures();

/** The data rows of a fixture, split the simple way (the fixtures have no quoting). */
function readRows(truth: CdrTruth): SourceRow[] {
  const text = fs.readFileSync(path.join(dir as string, truth.file), "utf8").replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/);
  const rows: SourceRow[] = [];
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (truth.header_line !== null && line <= truth.header_line) return;
    if (raw.trim() === "" || /^Total records:/i.test(raw.trim())) return;
    rows.push({ line, raw, cells: raw.split(truth.delimiter) });
  });
  return rows;
}

function key(r: { start_time: string; caller: string | null; callee: string | null; duration_seconds: number | null; record_type: string; direction: string | null }): string {
  return [r.start_time, r.caller, r.callee, Number(r.duration_seconds), r.record_type, r.direction].join("|");
}

describe.skipIf(!dir)("record builder on the carrier fixtures", () => {
  const truths = dir ? loadCdrTruths(dir) : [];
  it.each(truths.map((t) => [t.file, t] as const))("%s: rejects exactly the truth's lines and yields its records", (_file, truth) => {
    const rows = readRows(truth);
    const columns: ColumnMapping[] = truth.columns.map((c) => ({ index: c.index, header: c.header, field: c.field as MappableField | null, confidence: 1 }));
    const build = compileRecordBuilder({ columns, timezone: truth.timezone, target: truth.target, sampleRows: rows.slice(0, 200) });
    const rejected: number[] = [];
    const seen = new Set<string>();
    const got = new Set<string>();
    for (const row of rows) {
      const result = build(row);
      if (!result.ok) {
        rejected.push(result.error.line);
        expect(result.error.raw).toBe(row.raw);
        expect(result.error.message.length).toBeGreaterThan(10);
        continue;
      }
      expect(validateRecord(result.record).ok).toBe(true);
      const hash = hashRecord(result.record);
      if (seen.has(hash)) continue;
      seen.add(hash);
      got.add(key(result.record));
    }
    expect(rejected).toEqual(truth.rejected_lines);
    const want = new Set(truth.records.map(key));
    expect([...got].filter((k) => !want.has(k))).toEqual([]);
    expect([...want].filter((k) => !got.has(k))).toEqual([]);
    expect(seen.size).toBe(truth.records.length);
  });
});
