import { z } from "zod";
import { DURATION_RANGE, durationRangeOk, errorListQuerySchema, recordListQueryObject } from "./api";
import { caseScopeQuerySchema } from "./case";
import { partyKindSchema } from "./fields";

/**
 * Query-string and path schemas that used to be written inline in their routes: here so the route
 * and the OpenAPI document (lib/api-docs) parse and describe the very same object.
 */

/** GET /api/contacts. */
export const contactListQuerySchema = caseScopeQuerySchema.extend({
  target: z.string().optional(),
  /** Only contacts of this party kind (e164, extension, service, withheld, …). */
  kind: partyKindSchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** The formats GET /api/records/export streams. */
export const RECORD_EXPORT_FORMATS = ["csv", "xlsx", "parquet"] as const;

/** GET /api/records/export: the filters of GET /api/records (no paging) and the file format. */
export const recordExportQuerySchema = recordListQueryObject
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(RECORD_EXPORT_FORMATS).default("csv") })
  .refine(durationRangeOk, DURATION_RANGE);

/** GET /api/records/timeline. */
export const timelineQuerySchema = caseScopeQuerySchema.extend({ target: z.string().min(1) });

/** GET /api/ingestion/jobs/{id}/errors: the job names its case. */
export const jobErrorListQuerySchema = errorListQuerySchema.omit({ caseId: true });

/** DELETE /api/cases/{id}/members/{userId}. */
export const caseMemberParamsSchema = z.object({ id: z.string(), userId: z.string() });
