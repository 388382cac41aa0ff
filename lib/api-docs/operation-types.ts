import type { ZodType } from "zod";
import type { Role } from "../auth/roles";

/** How an operation is authenticated (the security requirement the OpenAPI document states). */
export type ApiAuth =
  /** Signed in: the `sy_session` cookie or `Authorization: Bearer sy_…` (a personal API token). */
  | "user"
  /** A signed-in browser session only: API tokens are refused (token management, user administration). */
  | "session"
  /** Anyone. */
  | "public"
  /** `Authorization: Bearer <METRICS_TOKEN>` or an admin session. */
  | "metrics"
  /** Anyone; more detail with METRICS_TOKEN or an admin session. */
  | "public-metrics";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A JSON Schema written by hand (multipart forms, files): for what has no zod schema. */
export type JsonSchema = Record<string, unknown>;

export interface ApiResponseDoc {
  description: string;
  /** JSON body (application/json). */
  schema?: ZodType;
  /** Other media types (CSV, XLSX, Prometheus text), each with an optional hand-written schema. */
  content?: Record<string, JsonSchema>;
  /** Response headers worth knowing (Set-Cookie, Retry-After, Content-Disposition). */
  headers?: Record<string, string>;
}

/** One API operation: the registry lib/api-docs/openapi.ts turns into the OpenAPI document. */
export interface ApiOperation {
  /** OpenAPI operationId (camelCase, unique). */
  id: string;
  method: HttpMethod;
  /** OpenAPI path, `{id}` style. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: ApiAuth;
  /** The least global role (route()'s `role`; absent for public operations). */
  role?: Role;
  /** Path parameters: name → description (and integer when it is a case id). */
  pathParams?: Record<string, { description: string; integer?: boolean }>;
  /** The query schema the route parses (the same object). */
  query?: ZodType;
  /** Descriptions of query parameters (name → text) beyond the common ones. */
  queryDocs?: Record<string, string>;
  /** The JSON body schema the route parses (the same object). */
  body?: ZodType;
  /** Whether the JSON body may be left out (default: required). */
  bodyOptional?: boolean;
  /** A non-JSON request body (multipart upload): media type → schema. */
  rawBody?: { description: string; content: Record<string, JsonSchema & { encoding?: Record<string, { contentType: string }> }> };
  success: ApiResponseDoc & { status: number };
  /** Further non-error answers (503 from health). */
  otherResponses?: Record<number, ApiResponseDoc>;
  /** Error statuses beyond the ones the auth mode and the schemas imply, with what they mean here. */
  errors?: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 429, string>>;
}
