import type { Carrier } from "../../schemas/fields";
import { REVIEW_THRESHOLD, type ColumnMapping, type LayoutPlan } from "../../schemas/mapping";
import type { LayoutTemplate } from "../../schemas/template";
import type { TableSample } from "../types";
import { builtinLayout } from "./builtin-layouts";
import { carrierSignature } from "./carrier-signatures";
import { classifyCarrier } from "./classify-carrier";
import { detectRegion, type RegionDecision } from "./detect-region";
import { detectTarget } from "./detect-target";
import { detectTimezone } from "./detect-timezone";
import { layoutFingerprint } from "./layout-fingerprint";
import { analyzeColumns, mapColumns, REVIEWED_FIELDS, type ColumnAnalysis } from "./map-columns";
import { missingCoreReasons } from "./missing-core";
import { HEADERLESS_REASON, ZONE_UNKNOWN_REASON } from "./review-reasons";

export type LayoutDecision = Pick<LayoutPlan, "carrier" | "templateId" | "confidence" | "columns" | "timezone" | "timezoneSource" | "target" | "needsReview" | "reviewReasons"> & {
  /** Region national numbers are read in (detect-region.ts), null when the file does not tell. */
  region: string | null;
  /** Why: "template", "carrier", "preamble", "numbers"; null with no region. */
  regionSource: string | null;
};

/** Party-like columns (numbers of any plan) whose values tell the region, before any column is mapped. */
const PARTY_SHARE = 0.6;

function partyValues(analysis: ColumnAnalysis, columns: ColumnMapping[] | null): string[] {
  const party = new Set(["caller", "callee", "target", "counterparty", "dialed_digits"]);
  const chosen = columns
    ? columns.filter((c) => c.field !== null && party.has(c.field)).map((c) => c.index)
    : analysis.profiles.map((p, i) => (p.partyNumber >= PARTY_SHARE ? i : -1)).filter((i) => i >= 0);
  return chosen.flatMap((i) => analysis.values[i] ?? []);
}

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
export function planLayout(sample: TableSample, templates: LayoutTemplate[], opts: { fingerprint?: string } = {}): LayoutDecision {
  // A template recognises the raw table (before any structure edit: plan-file's planStructured says which).
  const fingerprint = opts.fingerprint ?? layoutFingerprint(sample);
  const template = templates.find((t) => t.fingerprint === fingerprint) ?? null;
  const reviewReasons: string[] = [];
  let columns: ColumnMapping[];
  const analysis = analyzeColumns(sample);
  let certainty: number;
  let carrier: Carrier;
  let region: RegionDecision;
  // A documented layout knows its times' zone: epoch or offsets in the values, or the vendor's documented UTC.
  let layoutZone: { timezone: string | null; source: string } | null = null;
  if (template) {
    columns = fromTemplate(template, sample);
    certainty = LAYOUT_CERTAINTY.template;
    carrier = template.carrier;
    region = detectRegion({ carrier, preamble: sample.preamble, partyValues: partyValues(analysis, columns) });
  } else {
    // The region first (from the carrier, the preamble, the numbers): phone shapes are read in it.
    carrier = classifyCarrier(sample.preamble, analysis).carrier;
    region = detectRegion({ carrier, preamble: sample.preamble, partyValues: partyValues(analysis, null) });
    const mapped = mapColumns(sample, { analysis, region: region.region });
    columns = mapped.columns;
    reviewReasons.push(...mapped.reasons);
    certainty = analysis.headerless ? LAYOUT_CERTAINTY.headerless : LAYOUT_CERTAINTY.headers;
    // A headerless file of one of the four carriers: recognized from its column signature, mapped
    // as that carrier's header would map it (unless the preamble names another carrier).
    const signature = analysis.headerless ? carrierSignature(sample, analysis) : null;
    const known = signature && (carrier === "unknown" || carrier === signature.carrier) ? signature : null;
    const builtin = known ?? (carrier === "unknown" ? builtinLayout(sample, analysis) : null);
    if (builtin) {
      // A documented layout (a carrier's headerless columns, Asterisk Master.csv…): its own mapping replaces the value-by-value guess.
      columns = builtin.columns;
      if (builtin.carrier !== carrier) region = detectRegion({ carrier: builtin.carrier, preamble: sample.preamble, partyValues: partyValues(analysis, columns) });
      carrier = builtin.carrier;
      layoutZone = builtin.zone ?? null;
      reviewReasons.length = 0;
      certainty = Math.min(certainty, builtin.confidence);
    }
    if (analysis.headerless) reviewReasons.push(HEADERLESS_REASON);
  }

  // A reviewed template's region wins; else what the file says.
  const regionCode = template?.region ?? region.region;
  const regionSource = template?.region ? "template" : region.source;

  for (const c of columns) {
    if (c.field !== null && REVIEWED_FIELDS.includes(c.field) && c.confidence < REVIEW_THRESHOLD) {
      const name = c.header ? `Column ${c.index + 1} "${c.header}"` : `Column ${c.index + 1}`;
      const line = `${name} was read as the ${c.field.replace(/_/g, " ")} with confidence ${c.confidence.toFixed(2)}`;
      if (!reviewReasons.some((r) => r.startsWith(name))) reviewReasons.push(line);
    }
  }
  const missing = missingCoreReasons(columns);
  reviewReasons.push(...missing);

  const zone = layoutZone ? { ...layoutZone, unknown: false } : detectTimezone(sample.preamble, columns, analysis, carrier, template?.timezone ?? null);
  if (zone.unknown) reviewReasons.push(ZONE_UNKNOWN_REASON);

  const target = detectTarget(sample.preamble, sample.sampleRows, columns, regionCode).target;
  const coreConfidences = columns.filter((c) => c.field !== null && REVIEWED_FIELDS.includes(c.field)).map((c) => c.confidence);
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
    region: regionCode,
    regionSource,
    needsReview: reviewReasons.length > 0 || confidence < REVIEW_THRESHOLD,
    reviewReasons,
  };
}
