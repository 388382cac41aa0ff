import type { CanonicalRecord, RowError } from "../../schemas/record";
import { type ColumnMapping, type LayoutPlan, type MappingOverride } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { recordBuilderFor, type RecordBuilder } from "../normalize/record-builder";
import { detectFileFormat } from "../detect-format";
import { openTableSource } from "../extract/open-table-source";
import { IngestError, type TableSample } from "../types";
import { openStructuredSource, planStructured, refuseMismatch } from "./plan-file";

/**
 * What a preview reads from the file: the source's sample (its first ~200 data rows, header,
 * preamble) and the name/content mismatch. Small and plain data, so the server caches it per job
 * and header-row choice (lib/server/preview-cache.ts) and later previews never touch the file.
 */
export interface PreviewSample {
  sample: TableSample;
  formatMismatch: string | null;
  /** The detected table's fingerprint when the sample is of a sheet a template chose (openStructuredSource). */
  fingerprint?: string;
}

export interface MappingPreview {
  plan: LayoutPlan;
  headers: string[];
  /** A few sample values per source column, for the reviewer's picker. */
  samples: string[][];
  rows: { line: number; raw: string; record: CanonicalRecord | null; error: RowError | null }[];
  /** The engine's own mapping of the (edited) table, before the draft's: the reviewer's "suggested" column. */
  suggested?: ColumnMapping[];
  /** Workbooks: every sheet's name, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** The file's first lines as written, with their line numbers (for picking the header row). */
  headLines?: { line: number; text: string }[];
  /** Worker → server only: the sample this preview read, for the server's cache (never sent to the browser). */
  source?: PreviewSample;
}

export interface PreviewInput {
  filePath: string;
  fileName: string;
  templates: LayoutTemplate[];
  override: MappingOverride | null;
  caseRegion?: string | null;
  limit?: number;
  /** A sample read before (the server's cache): the file is not read at all. */
  sample?: PreviewSample;
}

/** Reads the sample of a plain file by path (the workbook, PDF and JSON readers need one), on the sheet the override or a template names. */
export async function readPreviewSample(filePath: string, fileName: string, override: MappingOverride | null, templates: LayoutTemplate[]): Promise<PreviewSample> {
  const { format, mismatch } = await detectFileFormat(filePath, fileName);
  refuseMismatch(mismatch, false);
  const { source, sample, fingerprint } = await openStructuredSource((sheet, headerLine) => openTableSource(filePath, format, { headerLine, sheet }), templates, override);
  try {
    return { sample, formatMismatch: mismatch, fingerprint };
  } finally {
    await source.close();
  }
}

/** What the first rows become under a mapping, from a sample already read (no file access); the structure edits apply to it here. */
export function previewFromSample(read: PreviewSample, input: Pick<PreviewInput, "templates" | "override" | "caseRegion" | "limit">): MappingPreview {
  const raw = read.sample;
  const { plan, sample, suggested } = planStructured(raw, { ...input, fingerprint: read.fingerprint });
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
    suggested,
    ...(raw.sheets ? { sheets: raw.sheets } : {}),
    ...(raw.sheet !== undefined ? { sheet: raw.sheet } : {}),
    headLines: raw.headLines ?? headLinesOf(raw),
    rows: rows.map((row) => {
      if (!build) return { line: row.line, raw: row.raw, record: null, error: { line: row.line, field: null, code: "invalid_record", message: planError ?? "", raw: row.raw } };
      const r = build(row);
      return r.ok ? { line: row.line, raw: row.raw, record: r.record, error: null } : { line: row.line, raw: row.raw, record: null, error: r.error };
    }),
  };
}

/** Sources that keep no head lines (PDF, JSON): the header and the first rows as read. */
function headLinesOf(sample: TableSample): { line: number; text: string }[] {
  const header = sample.headerLine !== null && sample.headers.some((h) => h) ? [{ line: sample.headerLine, text: sample.headers.join(" | ") }] : [];
  return [...header, ...sample.sampleRows.slice(0, 11).map((r) => ({ line: r.line, text: r.raw }))].slice(0, 12);
}

/**
 * What the first rows become under a mapping (the detected one, or a reviewer's draft) for a
 * plain file on disk: reads only the head of the file, so the review screen can update it live
 * as the mapping changes. (Stored uploads go through lib/jobs/preview-task.ts.)
 */
export async function previewMapping(input: PreviewInput): Promise<MappingPreview> {
  const read = input.sample ?? (await readPreviewSample(input.filePath, input.fileName, input.override, input.templates));
  return previewFromSample(read, input);
}
