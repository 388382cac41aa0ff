import { auditQuerySchema, privacyRuleInputSchema } from "../schemas/admin";
import { auditListResponseSchema, healthResponseSchema, privacyRuleListResponseSchema, privacyRuleResponseSchema } from "../schemas/response-envelopes";
import type { ApiOperation } from "./operation-types";

/** Privacy rules, the audit log, and the operations endpoints (health, metrics, this document). */
export const ADMIN_OPERATIONS: ApiOperation[] = [
  {
    id: "listPrivacyRules", method: "get", path: "/api/privacy-rules", tag: "Administration", auth: "user", role: "admin",
    summary: "List privacy rules",
    success: { status: 200, description: "The rules, newest first.", schema: privacyRuleListResponseSchema },
  },
  {
    id: "createPrivacyRule", method: "post", path: "/api/privacy-rules", tag: "Administration", auth: "user", role: "admin",
    summary: "Add a privacy rule",
    description: "Masks or suppresses a number or a prefix in files loaded from now on (masking happens on load, before hashing).",
    body: privacyRuleInputSchema,
    success: { status: 201, description: "The new rule.", schema: privacyRuleResponseSchema },
  },
  {
    id: "deletePrivacyRule", method: "delete", path: "/api/privacy-rules/{id}", tag: "Administration", auth: "user", role: "admin",
    summary: "Delete a privacy rule",
    pathParams: { id: { description: "The rule's id." } },
    success: { status: 204, description: "Deleted." },
    errors: { 404: "There is no such rule." },
  },
  {
    id: "listAuditEvents", method: "get", path: "/api/audit", tag: "Administration", auth: "user", role: "admin",
    summary: "Read the audit log",
    description: "Who did what (uploads, exports, mapping confirmations, user and case changes, sign-ins), newest first.",
    query: auditQuerySchema,
    queryDocs: { action: "Only this action (upload, export, map, user.create, …).", userId: "Only this user's actions." },
    success: { status: 200, description: "A page of events and the total.", schema: auditListResponseSchema },
  },
  {
    id: "getHealth", method: "get", path: "/api/health", tag: "Operations", auth: "public-metrics",
    summary: "Health check",
    description: "Database, queue, upload storage and free disk. Anyone (a load balancer) gets only `{status}`; the checks need `Authorization: Bearer <METRICS_TOKEN>` or an admin session.",
    success: { status: 200, description: "Every check passed.", schema: healthResponseSchema, headers: { "Cache-Control": "no-store" } },
    otherResponses: { 503: { description: "A check failed (status `degraded`).", schema: healthResponseSchema } },
  },
  {
    id: "getMetrics", method: "get", path: "/api/metrics", tag: "Operations", auth: "metrics",
    summary: "Prometheus metrics",
    description: "The scrape endpoint, in the Prometheus text exposition format.",
    success: { status: 200, description: "The metrics.", content: { "text/plain": { type: "string", description: "Prometheus text exposition format (version 0.0.4)." } }, headers: { "Cache-Control": "no-store" } },
    errors: { 401: "Send `Authorization: Bearer <METRICS_TOKEN>`, or sign in as an admin." },
  },
  {
    id: "getOpenApiDocument", method: "get", path: "/api/openapi.json", tag: "Operations", auth: "public",
    summary: "This API description",
    description: "The OpenAPI 3.1 document the API reference page (/api-docs) is drawn from, generated from the same zod schemas the routes parse with.",
    success: { status: 200, description: "The OpenAPI document.", content: { "application/json": { type: "object", description: "An OpenAPI 3.1.0 document." } }, headers: { "Cache-Control": "public, max-age=300" } },
  },
];
