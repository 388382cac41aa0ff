import { headerLineOf, type LayoutPlan, type MappingOverride, type ColumnMapping } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import { layoutFingerprint } from "../classify/layout-fingerprint";
import { planLayout } from "../classify/plan-layout";
import { eventLogMessage, findEventLogColumn } from "../classify/event-log";
import { recordBuilderFor, type RecordBuilder } from "../normalize/record-builder";
import { detectFileFormat } from "../detect-format";
import { openTableSource } from "../extract/open-table-source";
import { IngestError, type OpenOptions, type TableSample, type TableSource } from "../types";
import { transformSample, transformsFor, transformSource } from "./structure";

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
  const opened = await openStructuredSource(
    (sheet, headerLine) => openTableSource(input.filePath, format, { headerLine, sheet, onPageProgress: input.onPageProgress }),
    input.templates,
    override,
  );
  try {
    const { plan, sample } = planStructured(opened.sample, { ...input, fingerprint: opened.fingerprint });
    // Every row the load reads (whole file or by byte ranges) is edited as the sample was.
    return { plan, source: transformSource(opened.source, sample, plan.transforms ?? []), sample, formatMismatch: mismatch };
  } catch (err) {
    await opened.source.close();
    throw err;
  }
}

/**
 * Opens the source on the sheet and header line the file is read with: the reviewer's (the
 * override's), else those a matching template names (the sheet the records were on last time,
 * when the workbook has it; the header line a reviewer chose over detection), else the detected
 * ones. `fingerprint` is the detected table's, which is how a template recognises the layout
 * whichever sheet and header line it then reads.
 */
export async function openStructuredSource(
  open: (sheet: string | undefined, headerLine: number | null | undefined) => Promise<TableSource>,
  templates: LayoutTemplate[],
  override: MappingOverride | null,
): Promise<{ source: TableSource; sample: TableSample; fingerprint: string }> {
  const overrideHeader = headerLineOf(override);
  let source = await open(override?.sheet, overrideHeader);
  try {
    let sample = await source.sample();
    const fingerprint = layoutFingerprint(sample);
    const structure = templates.find((t) => t.fingerprint === fingerprint)?.structure;
    const templateSheet = override?.sheet ? undefined : structure?.sheet;
    const sheet = templateSheet && templateSheet !== sample.sheet && sample.sheets?.includes(templateSheet) ? templateSheet : undefined;
    const headerLine = overrideHeader === undefined && structure?.headerLine !== undefined && structure.headerLine !== sample.headerLine ? structure.headerLine : undefined;
    if (sheet !== undefined || headerLine !== undefined) {
      await source.close();
      source = await open(sheet ?? override?.sheet ?? sample.sheet, headerLine !== undefined ? headerLine : overrideHeader);
      sample = await source.sample();
    }
    return { source, sample, fingerprint };
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
export function planSample(sample: TableSample, input: PlanSampleInput): LayoutPlan {
  return planStructured(sample, input).plan;
}

interface PlanSampleInput {
  templates: LayoutTemplate[];
  override?: MappingOverride | null;
  caseRegion?: string | null;
  /** The detected table's fingerprint when the sample was read from a chosen sheet (openStructuredSource). */
  fingerprint?: string;
}

/**
 * planSample, and the sample as the structure edits left it (issue 18): the template is recognised
 * by the raw table, then the reviewer's (or the template's) splits and merges are applied and the
 * columns are mapped on the edited table, whose indexes the plan's columns use.
 */
export function planStructured(raw: TableSample, input: PlanSampleInput): { plan: LayoutPlan; sample: TableSample; suggested: ColumnMapping[] } {
  const override = input.override ?? null;
  if (raw.sampleRows.length === 0) throw new IngestError("no_rows", "The file has no data rows to load (only a header, titles or blank lines).");
  const fingerprint = input.fingerprint ?? layoutFingerprint(raw);
  const template = input.templates.find((t) => t.fingerprint === fingerprint) ?? null;
  const transforms = transformsFor(override, template);
  const sample = transformSample(raw, transforms);
  const eventLog = findEventLogColumn(sample);
  if (eventLog) throw new IngestError("event_log", eventLogMessage(eventLog));
  const decision = planLayout(sample, input.templates, { fingerprint });
  const plan: LayoutPlan = {
    format: sample.format,
    encoding: sample.encoding,
    delimiter: sample.delimiter,
    headerLine: sample.headerLine,
    preamble: sample.preamble,
    fingerprint,
    ...(sample.sheet !== undefined && (override?.sheet || template?.structure?.sheet) ? { sheet: sample.sheet } : {}),
    ...(transforms.length > 0 ? { transforms } : {}),
    ...decision,
  };
  const suggested = plan.columns;
  Object.assign(plan, resolveRegion(plan, input.caseRegion ?? null));
  if (override) return { plan: applyOverride(plan, sample, override), sample, suggested };
  if (sample.ocr) {
    plan.confidence = Math.round(plan.confidence * OCR_CONFIDENCE_FACTOR * 1000) / 1000;
    const doubt = ocrDoubt(plan, sample);
    if (doubt) {
      plan.needsReview = true;
      plan.reviewReasons.push(doubt);
    }
  }
  return { plan, sample, suggested };
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
