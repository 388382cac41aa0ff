import { z } from "zod";
import { roleSchema } from "../auth/roles";
import { jobDtoSchema } from "./job";
import { caseMemberDtoSchema } from "./case";
import { auditEventDtoSchema, privacyRuleDtoSchema, templateDtoSchema, userDtoSchema } from "./responses";

/**
 * The small `{thing: …}` wrappers some routes answer with, named so the OpenAPI document
 * (lib/api-docs) and the browser can share them. The DTOs inside are the ones in responses.ts,
 * case.ts and job.ts.
 */

export const jobResponseSchema = z.object({ job: jobDtoSchema });
export const caseMemberResponseSchema = z.object({ member: caseMemberDtoSchema });
export const templateListResponseSchema = z.object({ templates: z.array(templateDtoSchema) });
export const templateResponseSchema = z.object({ template: templateDtoSchema });
export const privacyRuleListResponseSchema = z.object({ rules: z.array(privacyRuleDtoSchema) });
export const privacyRuleResponseSchema = z.object({ rule: privacyRuleDtoSchema });
export const auditListResponseSchema = z.object({ events: z.array(auditEventDtoSchema), total: z.number() });
export const userListResponseSchema = z.object({ users: z.array(userDtoSchema) });
export const userResponseSchema = z.object({ user: userDtoSchema });
/** POST /api/auth/sign-in: who signed in (the session itself is the Set-Cookie header). */
export const signInResponseSchema = z.object({ user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }) });

const checkSchema = z.object({ ok: z.boolean(), detail: z.string() });
/** GET /api/health: `status` for anyone; the checks only with METRICS_TOKEN or an admin session (lib/ops/health.ts). */
export const healthResponseSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  ok: z.boolean().optional(),
  checks: z.object({ database: checkSchema, queue: checkSchema, uploads: checkSchema, disk: checkSchema.extend({ freeBytes: z.number().nullable() }) }).optional(),
  queueDepth: z.number().optional(),
});
