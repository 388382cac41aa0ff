import { z } from "zod";
import { carrierSchema } from "./fields";
import { columnFormatSchema, fileStructureSchema, regionSchema } from "./mapping";
import { mappableFieldSchema } from "./fields";

/** A reviewer-confirmed layout: the next file with the same fingerprint loads with this mapping. */
export const layoutTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().min(1),
  /** From `layoutFingerprint(headers)`: the normalized header signature (or column count + value kinds when headerless). */
  fingerprint: z.string(),
  carrier: carrierSchema,
  headerLine: z.number().int().nullable(),
  timezone: z.string().nullable(),
  /** Region of the layout's national numbers, when the reviewer set one. */
  region: regionSchema.nullable().optional(),
  columns: z.array(z.object({ index: z.number().int().min(0), header: z.string(), field: mappableFieldSchema.nullable(), format: columnFormatSchema })),
  /** The sheet and column splits/merges the layout needs before its columns are mapped (issue 18). */
  structure: fileStructureSchema.nullable().optional(),
});
export type LayoutTemplate = z.infer<typeof layoutTemplateSchema>;
