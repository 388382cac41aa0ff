import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { errorDtoSchema } from "./api";
import { columnMappingSchema, layoutPlanSchema } from "./mapping";
import { canonicalRecordSchema, rowErrorSchema } from "./record";
import { layoutTemplateSchema } from "./template";
import { deviceChangeSchema } from "./analytics";

/**
 * Response shapes of the admin, review, contacts and timeline routes: the route handlers return
 * these and the browser types its fetches with z.infer of the same schemas (no hand-written DTOs).
 */

export const sessionUserDtoSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema });
export type SessionUserDto = z.infer<typeof sessionUserDtoSchema>;
export const meResponseSchema = z.object({ user: sessionUserDtoSchema.nullable(), setupRequired: z.boolean() });
export type MeResponse = z.infer<typeof meResponseSchema>;
export const userDtoSchema = sessionUserDtoSchema.extend({ createdAt: z.string() });
export type UserDto = z.infer<typeof userDtoSchema>;

export const templateDtoSchema = layoutTemplateSchema.extend({
  /** Jobs of the signed-in user's cases that used it. */
  uses: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateDtoSchema>;

export const previewRowSchema = z.object({ line: z.number(), raw: z.string(), record: canonicalRecordSchema.nullable(), error: rowErrorSchema.nullable() });
export type PreviewRow = z.infer<typeof previewRowSchema>;
export const previewResponseSchema = z.object({
  plan: layoutPlanSchema,
  headers: z.array(z.string()),
  samples: z.array(z.array(z.string())),
  rows: z.array(previewRowSchema),
  /** The engine's mapping of the (edited) table before the draft's. */
  suggested: z.array(columnMappingSchema).optional(),
  /** Workbooks: every sheet's name, and the one read. */
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
  /** The file's first lines as written (line number, text): where the reviewer picks the header row. */
  headLines: z.array(z.object({ line: z.number(), text: z.string() })).optional(),
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

export const allErrorsResponseSchema = z.object({
  errors: z.array(errorDtoSchema.extend({ fileName: z.string() })),
  total: z.number(),
  codes: z.array(z.object({ code: z.string(), count: z.number() })),
});
export type AllErrorsResponse = z.infer<typeof allErrorsResponseSchema>;

export const privacyRuleDtoSchema = z.object({
  id: z.string(),
  pattern: z.string(),
  kind: z.enum(["number", "prefix"]),
  action: z.enum(["mask", "suppress"]),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type PrivacyRuleDto = z.infer<typeof privacyRuleDtoSchema>;

export const auditEventDtoSchema = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  detail: z.string().nullable(),
  /** What the subject id stands for, when it still exists: a job's file name, a case's or template's name, a user's e-mail. */
  subjectLabel: z.string().nullable(),
});
export type AuditEventDto = z.infer<typeof auditEventDtoSchema>;

/** A contact: `number` is the party's E.164 form, else its raw value (an extension, 911, "Restricted"); `kind` says which. */
export const contactDtoSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  target: z.string(),
  number: z.string(),
  kind: z.string().nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  calls: z.number(),
  messages: z.number(),
});
export type ContactDto = z.infer<typeof contactDtoSchema>;
/** `kinds`: how many of the scope's contacts are of each party kind (the page is one of them when `kind` is given). */
export const contactListResponseSchema = z.object({ contacts: z.array(contactDtoSchema), total: z.number(), kinds: z.record(z.string(), z.number()) });
export type ContactListResponse = z.infer<typeof contactListResponseSchema>;

export const timelineResponseSchema = z.object({
  target: z.string(),
  days: z.array(z.object({ day: z.string(), calls: z.number(), messages: z.number() })),
  /** Silences found across every file of the target in its case that meet its threshold there (lib/data/gap-thresholds.ts). */
  gaps: z.array(z.object({ caseId: z.number(), from: z.string(), to: z.string(), seconds: z.number(), ratio: z.number() })),
  /** Handset or SIM changes of the target (as /api/analytics/devices lists them), to mark on the timeline. */
  deviceChanges: z.array(deviceChangeSchema),
});
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;
export const targetsResponseSchema = z.object({ targets: z.array(z.string()) });
