import { z } from "zod";
import { carrierSchema, mappableFieldSchema } from "./fields";

/** An ISO 3166-1 alpha-2 region ("GB", "IN"): how national numbers of a file are read. */
export const regionSchema = z.string().regex(/^[A-Z]{2}$/, "a two-letter country code such as GB or IN");

/** Optional value-format hint for a column (e.g. a duration in minutes, a date order). */
export const columnFormatSchema = z
  .enum(["seconds", "minutes", "milliseconds", "clock", "mdy", "dmy", "ymd", "epoch_s", "epoch_ms"])
  .nullable()
  .optional();

export const columnMappingSchema = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  field: mappableFieldSchema.nullable(),
  confidence: z.number().min(0).max(1),
  format: columnFormatSchema,
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** What a reviewer (or `cli ingest --mapping`) confirms. It overrides detection. */
export const mappingOverrideSchema = z.object({
  columns: z.array(
    z.object({ index: z.number().int().min(0), field: mappableFieldSchema.nullable(), format: columnFormatSchema }),
  ),
  timezone: z.string().min(1).nullable().optional(),
  headerLine: z.number().int().min(1).nullable().optional(),
  target: z.string().nullable().optional(),
  /** Region for national numbers; absent = keep the detected one. */
  region: regionSchema.nullable().optional(),
  templateName: z.string().min(1).max(120).optional(),
});
export type MappingOverride = z.infer<typeof mappingOverrideSchema>;

/** The reviewer's header-row choice as the sources take it (undefined = detect). */
export function headerLineOf(override: MappingOverride | null | undefined): number | null | undefined {
  return override && override.headerLine !== undefined ? override.headerLine : undefined;
}

/** Everything the engine decided about a file before loading it. */
export const layoutPlanSchema = z.object({
  format: z.string(),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headerLine: z.number().int().nullable(),
  carrier: carrierSchema,
  templateId: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  timezone: z.string().nullable(),
  timezoneSource: z.string().nullable(),
  target: z.string().nullable(),
  /** Region national numbers are read in (lib/ingest/classify/detect-region.ts); null = not known (US rules are not assumed for numbers that fail them). */
  region: regionSchema.nullable().optional(),
  /** Why that region: "carrier", "preamble", "numbers", "template", "case", "reviewer", "default". */
  regionSource: z.string().nullable().optional(),
  columns: z.array(columnMappingSchema),
  needsReview: z.boolean(),
  reviewReasons: z.array(z.string()),
  preamble: z.array(z.string()),
  /** layoutFingerprint(sample): how a saved template recognises the next file of this layout. */
  fingerprint: z.string().optional(),
});
export type LayoutPlan = z.infer<typeof layoutPlanSchema>;

export const REVIEW_THRESHOLD = 0.7;
