import { z } from "zod";
import { carrierSchema, mappableFieldSchema } from "./fields";

/** An ISO 3166-1 alpha-2 region ("GB", "IN"): how national numbers of a file are read. */
export const regionSchema = z.string().regex(/^[A-Z]{2}$/, "a two-letter country code such as GB or IN");

/** Optional value-format hint for a column (e.g. a duration in minutes, a date order). */
export const columnFormatSchema = z.enum(["seconds", "minutes", "milliseconds", "clock", "mdy", "dmy", "ymd", "epoch_s", "epoch_ms"]).nullable().optional();

export const columnMappingSchema = z.object({
  index: z.number().int().min(0),
  header: z.string(),
  field: mappableFieldSchema.nullable(),
  confidence: z.number().min(0).max(1),
  format: columnFormatSchema,
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/**
 * A structure edit applied to the raw rows before any column is mapped (issue 18), in order:
 * - split: one column becomes two, at a character position (`at`: the first part keeps that many
 *   characters) or at the first `separator` (dropped; no separator = all in the first part);
 * - merge: two columns become one (their values joined by `separator`), at the first one's place.
 * Indexes refer to the table as the edits before it left it (lib/ingest/review/apply-transforms.ts).
 */
export const columnTransformSchema = z.discriminatedUnion("op", [
  z
    .object({ op: z.literal("split"), column: z.number().int().min(0), at: z.number().int().min(1).optional(), separator: z.string().min(1).max(20).optional() })
    .refine((t) => (t.at === undefined) !== (t.separator === undefined), { message: "a split takes either a character position or a separator" }),
  z
    .object({ op: z.literal("merge"), columns: z.tuple([z.number().int().min(0), z.number().int().min(0)]), separator: z.string().max(20).default(" ") })
    .refine((t) => t.columns[0] !== t.columns[1], { message: "a merge takes two different columns" }),
]);
export type ColumnTransform = z.infer<typeof columnTransformSchema>;
export const columnTransformsSchema = z.array(columnTransformSchema).max(50);

/**
 * The structure of a file as a reviewer set it: the workbook sheet, the column edits, and the
 * header line where the reviewer chose another than detection found (null: no header row).
 */
export const fileStructureSchema = z.object({
  sheet: z.string().min(1).max(200).optional(),
  transforms: columnTransformsSchema.optional(),
  headerLine: z.number().int().min(1).nullable().optional(),
});
export type FileStructure = z.infer<typeof fileStructureSchema>;

/** What a reviewer (or `cli ingest --mapping`) confirms. It overrides detection. */
export const mappingOverrideSchema = z.object({
  columns: z.array(z.object({ index: z.number().int().min(0), field: mappableFieldSchema.nullable(), format: columnFormatSchema })),
  timezone: z.string().min(1).nullable().optional(),
  headerLine: z.number().int().min(1).nullable().optional(),
  target: z.string().nullable().optional(),
  /** Region for national numbers; absent = keep the detected one. */
  region: regionSchema.nullable().optional(),
  /** The workbook sheet the records are on; absent = the detected one (or the template's). */
  sheet: z.string().min(1).max(200).optional(),
  /** Column splits/merges before mapping; `columns` indexes refer to the table after them. Absent = the template's (or none). */
  transforms: columnTransformsSchema.optional(),
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
  /** The workbook sheet read (a reviewer's or a template's choice), when one was chosen. */
  sheet: z.string().optional(),
  /** Column splits/merges applied before mapping (a reviewer's or a template's); `columns` index the table after them. */
  transforms: columnTransformsSchema.optional(),
});
export type LayoutPlan = z.infer<typeof layoutPlanSchema>;

export const REVIEW_THRESHOLD = 0.7;
