import { z } from "zod";
import { regionSchema } from "./mapping";

/** Cases (investigations): the HTTP contract shared by the routes and the browser. */

export const CASE_ROLES = ["analyst", "reviewer"] as const;
export const caseRoleSchema = z.enum(CASE_ROLES);
export type CaseRole = z.infer<typeof caseRoleSchema>;

/** The name the CLI uses without --case (created on first use). */
export const DEFAULT_CASE_NAME = "default";

/** A case id as it arrives in a URL, a query string or a form field. */
export const caseIdSchema = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const caseMemberDtoSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: caseRoleSchema,
  addedAt: z.string(),
});
export type CaseMemberDto = z.infer<typeof caseMemberDtoSchema>;

export const caseDtoSchema = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  /** Region (ISO 3166-1 alpha-2) for national numbers of the case's files when neither the file nor a template says. */
  region: z.string().nullable(),
  /** IANA time zone the case's patterns of life are shown in ("America/Chicago"); null: UTC. Records stay in UTC. */
  displayTimezone: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The signed-in user's role in the case (null for an admin who is not a member). */
  myRole: caseRoleSchema.nullable(),
  /** Whether the signed-in user may rename the case and manage its members (its creator or an admin). */
  canManage: z.boolean(),
  /** Whether the signed-in user may confirm mappings of the case's jobs (admins, the case's reviewers, global reviewers who are members). */
  canReview: z.boolean(),
  /** Records counts what the case's files inserted; quality is the mean of their quality scores (0–100, null before any file loaded). */
  counts: z.object({ jobs: z.number(), records: z.number(), members: z.number(), quality: z.number().nullable() }),
});
export type CaseDto = z.infer<typeof caseDtoSchema>;

/** The zone's canonical IANA name ("america/chicago" → "America/Chicago"), or null when this runtime does not know it. */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** A case's display time zone in a body: an IANA name, "" or null for none (UTC); stored in its canonical spelling. */
export const displayTimezoneSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() || null : v),
  z
    .string()
    .max(64)
    .nullable()
    .transform((v, ctx) => {
      if (v === null) return null;
      const zone = canonicalTimeZone(v);
      if (zone) return zone;
      ctx.addIssue({ code: "custom", message: `"${v}" is not a known time zone: use an IANA name such as "America/Chicago".` });
      return z.NEVER;
    }),
);

export const createCaseBodySchema = z.object({
  name: z.string().trim().min(1, "A case needs a name.").max(120),
  description: z.string().trim().max(2000).optional(),
  region: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() || null : v), regionSchema.nullable()).optional(),
  /** The IANA time zone the case's patterns of life are shown in (null or "": UTC). */
  displayTimezone: displayTimezoneSchema.optional(),
});
export const updateCaseBodySchema = createCaseBodySchema.partial();
export const addMemberBodySchema = z.object({ email: z.string().trim().toLowerCase().email(), role: caseRoleSchema.default("analyst") });

export const caseListResponseSchema = z.object({ cases: z.array(caseDtoSchema), lastCaseId: z.number().nullable() });
export type CaseListResponse = z.infer<typeof caseListResponseSchema>;
export const caseResponseSchema = z.object({ case: caseDtoSchema });
export type CaseResponse = z.infer<typeof caseResponseSchema>;
export const caseMembersResponseSchema = z.object({ members: z.array(caseMemberDtoSchema) });
export type CaseMembersResponse = z.infer<typeof caseMembersResponseSchema>;

/** Query-string scope shared by every per-case list: `caseId` optional (then every case the user may see). */
export const caseScopeQuerySchema = z.object({ caseId: caseIdSchema.optional() });
