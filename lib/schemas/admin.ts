import { z } from "zod";
import { columnFormatSchema } from "./mapping";
import { carrierSchema, mappableFieldSchema } from "./fields";
import { caseIdSchema } from "./case";

export const templateUpdateSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  timezone: z.string().min(1).nullable().optional(),
  headerLine: z.number().int().min(1).nullable().optional(),
  carrier: carrierSchema.optional(),
  columns: z.array(z.object({ index: z.number().int().min(0), header: z.string(), field: mappableFieldSchema.nullable(), format: columnFormatSchema })).optional(),
});

export const privacyRuleInputSchema = z.object({
  pattern: z
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{2,20}$/, "a number or prefix of digits"),
  kind: z.enum(["number", "prefix"]),
  action: z.enum(["mask", "suppress"]),
  note: z.string().max(200).optional(),
});

export const allErrorsQuerySchema = z.object({
  caseId: caseIdSchema.optional(),
  jobId: z.string().optional(),
  code: z.string().optional(),
  field: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(["json", "csv"]).default("json"),
});

/** A calendar day, YYYY-MM-DD (UTC), as the audit filter's date inputs send it. */
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-12-02.");

export const auditQuerySchema = z.object({
  action: z.string().optional(),
  userId: z.string().optional(),
  /** Part of the e-mail of who acted (or, for failed sign-ins, of the address tried). */
  email: z.string().trim().max(320).optional(),
  /** First and last day (UTC, inclusive). */
  from: daySchema.optional(),
  to: daySchema.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});
