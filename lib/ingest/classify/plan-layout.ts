import { CORE_FIELDS, type Carrier } from "../../schemas/fields";
import { REVIEW_THRESHOLD, type ColumnMapping, type LayoutPlan } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import type { TableSample } from "../types";
import { builtinLayout } from "./builtin-layouts";
import { carrierSignature } from "./carrier-signatures";
import { classifyCarrier } from "./classify-carrier";
import { detectTarget } from "./detect-target";
import { detectTimezone } from "./detect-timezone";
import { layoutFingerprint } from "./layout-fingerprint";
import { analyzeColumns, mapColumns } from "./map-columns";
import { missingCoreReasons } from "./missing-core";

export type LayoutDecision = Pick<
  LayoutPlan,
  "carrier" | "templateId" | "confidence" | "columns" | "timezone" | "timezoneSource" | "target" | "needsReview" | "reviewReasons"
>;

/** How much a file's layout itself is trusted before looking at single columns. */
const LAYOUT_CERTAINTY = { template: 0.95, headers: 1, headerless: 0.6 } as const;
const TEMPLATE_COLUMN_CONFIDENCE = 0.95;

function fromTemplate(t: LayoutTemplate, sample: TableSample): ColumnMapping[] {
  return t.columns.map((c) => ({
    index: c.index,
    header: sample.headers[c.index] ?? c.header,
    field: c.field,
    confidence: TEMPLATE_COLUMN_CONFIDENCE,
    format: c.format ?? null,
  }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Classify a file's layout and map its columns: the classifier's whole answer for one sample. */
export function planLayout(sample: TableSample, templates: LayoutTemplate[]): LayoutDecision {
  const fingerprint = layoutFingerprint(sample);
  const template = templates.find((t) => t.fingerprint === fingerprint) ?? null;
  const reviewReasons: string[] = [];
  let columns: ColumnMapping[];
  let analysis;
  let certainty: number;
  let carrier: Carrier;
  if (template) {
    analysis = analyzeColumns(sample);
    columns = fromTemplate(template, sample);
    certainty = LAYOUT_CERTAINTY.template;
    carrier = template.carrier;
  } else {
    const mapped = mapColumns(sample);
    analysis = mapped.analysis;
    columns = mapped.columns;
    reviewReasons.push(...mapped.reasons);
    certainty = analysis.headerless ? LAYOUT_CERTAINTY.headerless : LAYOUT_CERTAINTY.headers;
    carrier = classifyCarrier(sample.preamble, analysis).carrier;
    // A headerless file of one of the four carriers: recognized from its column signature, mapped
    // as that carrier's header would map it (unless the preamble names another carrier).
    const signature = analysis.headerless ? carrierSignature(sample, analysis) : null;
    const known = signature && (carrier === "unknown" || carrier === signature.carrier) ? signature : null;
    const builtin = known ?? (carrier === "unknown" ? builtinLayout(sample, analysis) : null);
    if (builtin) {
      // A documented layout (a carrier's headerless columns, Asterisk Master.csv…): its own mapping replaces the value-by-value guess.
      columns = builtin.columns;
      carrier = builtin.carrier;
      reviewReasons.length = 0;
      certainty = Math.min(certainty, builtin.confidence);
    }
    if (analysis.headerless) reviewReasons.push("The file has no header row: its columns were recognized from their values alone");
  }

  for (const c of columns) {
    if (c.field !== null && CORE_FIELDS.includes(c.field) && c.confidence < REVIEW_THRESHOLD) {
      const name = c.header ? `Column ${c.index + 1} "${c.header}"` : `Column ${c.index + 1}`;
      const line = `${name} was read as the ${c.field.replace(/_/g, " ")} with confidence ${c.confidence.toFixed(2)}`;
      if (!reviewReasons.some((r) => r.startsWith(name))) reviewReasons.push(line);
    }
  }
  const missing = missingCoreReasons(columns);
  reviewReasons.push(...missing);

  const zone = detectTimezone(sample.preamble, columns, analysis, carrier, template?.timezone ?? null);
  if (zone.unknown) reviewReasons.push("The file does not say which time zone its times are in");

  const target = detectTarget(sample.preamble, sample.sampleRows, columns).target;
  const coreConfidences = columns.filter((c) => c.field !== null && CORE_FIELDS.includes(c.field)).map((c) => c.confidence);
  const confidence = round(Math.min(1, ...coreConfidences) * certainty * (missing.length > 0 ? 0.5 : 1));
  if (confidence < REVIEW_THRESHOLD && reviewReasons.length === 0) {
    reviewReasons.push(`The overall confidence ${confidence.toFixed(2)} is below ${REVIEW_THRESHOLD.toFixed(2)}`);
  }
  return {
    carrier,
    templateId: template?.id ?? null,
    confidence,
    columns,
    timezone: zone.timezone,
    timezoneSource: zone.source,
    target,
    needsReview: reviewReasons.length > 0 || confidence < REVIEW_THRESHOLD,
    reviewReasons,
  };
}
