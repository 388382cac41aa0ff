import { z } from "zod";

/**
 * Why a reviewer's mapping cannot be confirmed yet (issue 18): checked by the mapping route and
 * shown by the review screen on the field it concerns, from the same function
 * (lib/ingest/review/check-mapping.ts), so the two cannot disagree.
 */
export const MAPPING_PROBLEM_CODES = ["zone_missing", "zone_invalid", "header_unanswered", "duplicate_field", "core_missing", "column_unanswered", "target_missing"] as const;

export const mappingProblemSchema = z.object({
  code: z.enum(MAPPING_PROBLEM_CODES),
  /** Where it shows: "timezone", "headerLine", "target", a mappable field ("caller"), or "column:<index>". */
  on: z.string(),
  message: z.string(),
});
export type MappingProblem = z.infer<typeof mappingProblemSchema>;
