import type { LayoutPlan, MappingOverride, ColumnMapping } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { layoutFingerprint } from "../classify/layout-fingerprint";
import { planLayout } from "../classify/plan-layout";
import { eventLogMessage, findEventLogColumn } from "../classify/event-log";
import { recordBuilderFor, type RecordBuilder } from "../normalize/record-builder";
import { detectFileFormat } from "../detect-format";
import { openTableSource } from "../extract/open-table-source";
import { IngestError, type OpenOptions, type TableSample, type TableSource } from "../types";

export interface PlannedFile {
  plan: LayoutPlan;
  source: TableSource;
  sample: TableSample;
  formatMismatch: string | null;
}

/** Values read by OCR are less certain than text: the file's confidence says so. */
const OCR_CONFIDENCE_FACTOR = 0.9;

/**
 * Detect → sniff → classify → map for one file. Opens the table source (the caller closes it)
 * and decides whether a person must confirm the mapping before anything loads.
 */
export async function planFile(input: {
  filePath: string;
  fileName: string;
  templates: LayoutTemplate[];
  override?: MappingOverride | null;
  /** The case's region for national numbers (see resolveRegion). */
  caseRegion?: string | null;
  allowFormatMismatch?: boolean;
  onPageProgress?: OpenOptions["onPageProgress"];
}): Promise<PlannedFile> {
  const { format, mismatch } = await detectFileFormat(input.filePath, input.fileName);
  // The name is never trusted: a file whose content is another format than its extension says is
  // refused (a renamed executable or archive is refused earlier, whatever the setting).
  refuseMismatch(mismatch, input.allowFormatMismatch);
  const override = input.override ?? null;
  const source = await openTableSource(input.filePath, format, {
    headerLine: override && override.headerLine !== undefined ? override.headerLine : undefined,
    onPageProgress: input.onPageProgress,
  });
  try {
    const sample = await source.sample();
    return { plan: planSample(sample, input), source, sample, formatMismatch: mismatch };
  } catch (err) {
    await source.close();
    throw err;
  }
}

/** The name's claim against the content: refused unless FORMAT_MISMATCH=read (planFile, the mapping preview). */
export function refuseMismatch(mismatch: string | null, allowFormatMismatch: boolean | undefined): void {
  if (mismatch && !allowFormatMismatch) {
    throw new IngestError("format_mismatch", `${mismatch.replace(/;[^;]*\.$/, ".")} It was not loaded: rename it to match its content (or an admin can set FORMAT_MISMATCH=read).`);
  }
}

/**
 * Classify → map from a sample already read: what planFile does once the source is open, and
 * what the mapping preview does with a cached sample (no file read at all).
 */
export function planSample(sample: TableSample, input: { templates: LayoutTemplate[]; override?: MappingOverride | null; caseRegion?: string | null }): LayoutPlan {
  const override = input.override ?? null;
  if (sample.sampleRows.length === 0) throw new IngestError("no_rows", "The file has no data rows to load (only a header, titles or blank lines).");
  const eventLog = findEventLogColumn(sample);
  if (eventLog) throw new IngestError("event_log", eventLogMessage(eventLog));
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
  Object.assign(plan, resolveRegion(plan, input.caseRegion ?? null));
  if (override) return applyOverride(plan, sample, override);
  if (sample.ocr) {
    plan.confidence = Math.round(plan.confidence * OCR_CONFIDENCE_FACTOR * 1000) / 1000;
    const doubt = ocrDoubt(plan, sample);
    if (doubt) {
      plan.needsReview = true;
      plan.reviewReasons.push(doubt);
    }
  }
  return plan;
}

/**
 * OCR'd rows whose mapped values do not parse (a phone number with a letter the O/0, l/1, S/5
 * fixes could not resolve, a garbled time) would be rejected or, worse, loaded wrong: a person
 * looks first. Misreads in columns the record does not use do not hold the file back.
 */
function ocrDoubt(plan: LayoutPlan, sample: TableSample): string | null {
  if (plan.needsReview) return null;
  let build: RecordBuilder;
  try {
    build = recordBuilderFor(plan, sample.sampleRows);
  } catch {
    return null;
  }
  const failed = sample.sampleRows.map((r) => build(r)).filter((r) => !r.ok);
  const first = failed[0];
  if (!first || first.ok) return null;
  return `${failed.length} of the first ${sample.sampleRows.length} rows were read by OCR and do not parse (line ${first.error.line}: ${first.error.message}); please check the scan.`;
}

/**
 * The region national numbers are read in, most specific first: a reviewer's choice (applyOverride),
 * the matched template's, what the file itself shows (its carrier, a country in its preamble) —
 * those three planLayout decided — then the case's, and last what the numbers suggest
 * (detect-region.ts). Null when nothing says: then US rules are never applied to a number that
 * fails them (it stays `national`/`invalid`, raw kept).
 */
function resolveRegion(plan: LayoutPlan, caseRegion: string | null): Pick<LayoutPlan, "region" | "regionSource"> {
  const decided = plan.regionSource === "template" || plan.regionSource === "carrier" || plan.regionSource === "preamble";
  if (plan.region && decided) return { region: plan.region, regionSource: plan.regionSource };
  if (caseRegion) return { region: caseRegion, regionSource: "case" };
  return { region: plan.region ?? null, regionSource: plan.region ? (plan.regionSource ?? "numbers") : null };
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
    ...(override.region !== undefined ? { region: override.region, regionSource: override.region ? "reviewer" : null } : {}),
    confidence: 1,
    needsReview: false,
    reviewReasons: [],
  };
}
