import type { LayoutPlan, MappingOverride, ColumnMapping } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { layoutFingerprint } from "../classify/layout-fingerprint";
import { planLayout } from "../classify/plan-layout";
import { detectFileFormat } from "../detect-format";
import { openTableSource } from "../extract/open-table-source";
import { IngestError, type OpenOptions, type TableSample, type TableSource } from "../types";

export interface PlannedFile {
  plan: LayoutPlan;
  source: TableSource;
  sample: TableSample;
  formatMismatch: string | null;
}

/** OCR'd values below this confidence are not loaded without a person's look. */
const OCR_REVIEW_CONFIDENCE = 0.8;

/**
 * Detect → sniff → classify → map for one file. Opens the table source (the caller closes it)
 * and decides whether a person must confirm the mapping before anything loads.
 */
export async function planFile(input: {
  filePath: string;
  fileName: string;
  templates: LayoutTemplate[];
  override?: MappingOverride | null;
  onPageProgress?: OpenOptions["onPageProgress"];
}): Promise<PlannedFile> {
  const { format, mismatch } = await detectFileFormat(input.filePath, input.fileName);
  const override = input.override ?? null;
  const source = await openTableSource(input.filePath, format, {
    headerLine: override && override.headerLine !== undefined ? override.headerLine : undefined,
    onPageProgress: input.onPageProgress,
  });
  try {
    const sample = await source.sample();
    if (sample.sampleRows.length === 0) throw new IngestError("no_rows", "The file has no data rows to load (only a header, titles or blank lines).");
    const decision = planLayout(sample, input.templates);
    const plan: LayoutPlan = {
      format: sample.format,
      encoding: sample.encoding,
      delimiter: sample.delimiter,
      headerLine: sample.headerLine,
      preamble: sample.preamble,
      fingerprint: layoutFingerprint(sample),
      ...decision,
    };
    if (override) return { plan: applyOverride(plan, sample, override), source, sample, formatMismatch: mismatch };
    const ocrLow = sample.sampleRows.filter((r) => r.ocrConfidence !== undefined && r.ocrConfidence < OCR_REVIEW_CONFIDENCE);
    if (ocrLow.length > 0) {
      plan.needsReview = true;
      plan.reviewReasons.push(`${ocrLow.length} of the first rows were read by OCR with doubtful characters; please check them.`);
    }
    return { plan, source, sample, formatMismatch: mismatch };
  } catch (err) {
    await source.close();
    throw err;
  }
}

/** A reviewer's mapping wins over detection: every listed column as given, the rest unmapped. */
function applyOverride(plan: LayoutPlan, sample: TableSample, override: MappingOverride): LayoutPlan {
  const width = Math.max(sample.headers.length, ...override.columns.map((c) => c.index + 1));
  const columns: ColumnMapping[] = [];
  for (let index = 0; index < width; index++) {
    const given = override.columns.find((c) => c.index === index);
    const detected = plan.columns.find((c) => c.index === index);
    columns.push({
      index,
      header: sample.headers[index] ?? detected?.header ?? "",
      field: given ? given.field : null,
      confidence: 1,
      format: given?.format ?? (given?.field === detected?.field ? detected?.format : null) ?? null,
    });
  }
  return {
    ...plan,
    columns,
    timezone: override.timezone !== undefined ? override.timezone : plan.timezone,
    timezoneSource: override.timezone ? "reviewer" : plan.timezoneSource,
    target: override.target ?? plan.target,
    confidence: 1,
    needsReview: false,
    reviewReasons: [],
  };
}
