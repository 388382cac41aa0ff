import type { CanonicalRecord, RowError } from "../../schemas/record";
import type { LayoutPlan, MappingOverride } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { recordBuilderFor, type RecordBuilder } from "../normalize/record-builder";
import { IngestError } from "../types";
import { planFile } from "./plan-file";

export interface MappingPreview {
  plan: LayoutPlan;
  headers: string[];
  /** A few sample values per source column, for the reviewer's picker. */
  samples: string[][];
  rows: { line: number; raw: string; record: CanonicalRecord | null; error: RowError | null }[];
}

/**
 * What the first rows become under a mapping (the detected one, or a reviewer's draft): reads
 * only the head of the file, so the review screen can update it live as the mapping changes.
 */
export async function previewMapping(input: { filePath: string; fileName: string; templates: LayoutTemplate[]; override: MappingOverride | null; caseRegion?: string | null; limit?: number }): Promise<MappingPreview> {
  const planned = await planFile({ ...input });
  try {
    const { plan, sample } = planned;
    const rows = sample.sampleRows.slice(0, input.limit ?? 20);
    const width = Math.max(sample.headers.length, ...rows.map((r) => r.cells.length));
    const samples = Array.from({ length: width }, (_, i) => sample.sampleRows.slice(0, 8).map((r) => r.cells[i] ?? ""));
    let build: RecordBuilder | null = null;
    let planError: string | null = null;
    try {
      build = recordBuilderFor(plan, sample.sampleRows);
    } catch (err) {
      planError = err instanceof IngestError ? err.message : String(err);
    }
    return {
      plan,
      headers: sample.headers,
      samples,
      rows: rows.map((row) => {
        if (!build) return { line: row.line, raw: row.raw, record: null, error: { line: row.line, field: null, code: "invalid_record", message: planError ?? "", raw: row.raw } };
        const r = build(row);
        return r.ok ? { line: row.line, raw: row.raw, record: r.record, error: null } : { line: row.line, raw: row.raw, record: null, error: r.error };
      }),
    };
  } finally {
    await planned.source.close();
  }
}
