import type { ZodType } from "zod";
import packageJson from "../../package.json";
import { SESSION_COOKIE } from "../auth/session";
import { API_TOKEN_PREFIX } from "../schemas/api-tokens";
import { NAMED_SCHEMAS } from "./component-schemas";
import { componentRef, inputJsonSchema, outputComponents } from "./json-schema";
import type { OpenApiDocument, OperationObject, ParameterObject, ResponseObject, SchemaObject } from "./openapi-types";
import type { ApiAuth, ApiOperation, ApiResponseDoc } from "./operation-types";
import { API_OPERATIONS, API_TAGS } from "./operations";

/**
 * The OpenAPI 3.1.0 document of the HTTP API, built from the operation registry (operations.ts)
 * and the zod schemas the routes parse with. Served at /api/openapi.json and drawn as /api-docs.
 * It names no secret: only how to present credentials.
 */

const SECURITY: Record<ApiAuth, Record<string, string[]>[]> = {
  user: [{ cookieAuth: [] }, { bearerAuth: [] }],
  session: [{ cookieAuth: [] }],
  public: [],
  metrics: [{ metricsToken: [] }, { cookieAuth: [] }],
  "public-metrics": [{}, { metricsToken: [] }, { cookieAuth: [] }],
};

/** Query parameters most lists share. */
const COMMON_QUERY_DOCS: Record<string, string> = {
  caseId: "The case; without it, every case you may see.",
  page: "Page number, from 1.",
  pageSize: "Rows per page.",
  code: "Only errors with this reason code.",
  field: "Only errors in this field.",
};

const ERROR_CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "rate_limited",
};

const DESCRIPTION = `Switchyard's HTTP API: upload carrier call-detail files, follow their jobs, review mappings and read the loaded records of your cases.

**Authentication.** The browser uses the \`${SESSION_COOKIE}\` session cookie set by POST /api/auth/sign-in. Scripts send a personal API token instead: \`Authorization: Bearer ${API_TOKEN_PREFIX}…\` (create one on the settings page, /settings). A token acts as its owner with their role and cases, narrowed by its scope (\`read\`: GET only) and optionally to some cases. Every error is \`{"error":{"code","message"}}\`.`;

let cached: OpenApiDocument | null = null;

/** The document (built once per process: everything in it is static). */
export function openApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}

export function buildOpenApiDocument(operations: readonly ApiOperation[] = API_OPERATIONS): OpenApiDocument {
  const named = new Map<ZodType, { id: string; description?: string }>();
  for (const [schema, id, description] of NAMED_SCHEMAS) named.set(schema, description ? { id, description } : { id });
  for (const op of operations) {
    for (const doc of [op.success, ...Object.values(op.otherResponses ?? {})]) {
      if (doc.schema && !named.has(doc.schema)) named.set(doc.schema, { id: `${op.id[0]!.toUpperCase()}${op.id.slice(1)}Response` });
    }
  }
  const schemas = outputComponents(named);
  const refOf = (schema: ZodType) => ({ $ref: componentRef(named.get(schema)!.id) });

  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    (paths[op.path] ??= {})[op.method] = operationObject(op, refOf, schemas);
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    info: { title: "Switchyard API", version: packageJson.version, description: DESCRIPTION },
    servers: [{ url: "/", description: "This Switchyard server" }],
    tags: API_TAGS.filter((t) => operations.some((o) => o.tag === t.name)).map((t) => ({ ...t })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        cookieAuth: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "The browser session, set by POST /api/auth/sign-in (12 hours)." },
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: `${API_TOKEN_PREFIX}…`,
          description: `A personal API token (\`${API_TOKEN_PREFIX}\` + 43 characters), created on the settings page (/settings). \`read\` tokens may only GET.`,
        },
        metricsToken: { type: "http", scheme: "bearer", description: "The METRICS_TOKEN the server was started with (for /api/metrics and /api/health's details)." },
      },
    },
  };
}

function operationObject(op: ApiOperation, refOf: (s: ZodType) => SchemaObject, components: Record<string, SchemaObject>): OperationObject {
  const parameters: ParameterObject[] = [];
  for (const name of pathParamNames(op.path)) {
    const doc = op.pathParams?.[name];
    parameters.push({
      name,
      in: "path",
      required: true,
      description: doc?.description ?? `The ${name}.`,
      schema: doc?.integer ? { type: "integer", minimum: 1 } : { type: "string" },
    });
  }
  if (op.query) {
    const json = inputJsonSchema(op.query, `${op.id}Query`, components);
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((json.properties ?? {}) as Record<string, SchemaObject>)) {
      const description = op.queryDocs?.[name] ?? COMMON_QUERY_DOCS[name];
      parameters.push({ name, in: "query", required: required.has(name), ...(description ? { description } : {}), schema });
    }
  }
  const out: OperationObject = {
    operationId: op.id,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: SECURITY[op.auth],
    ...(parameters.length ? { parameters } : {}),
    ...requestBodyOf(op, components),
    responses: {},
    "x-switchyard-auth": op.auth,
    ...(op.role ? { "x-switchyard-role": op.role } : {}),
  };
  out.responses[String(op.success.status)] = responseObject(op.success, refOf);
  for (const [status, doc] of Object.entries(op.otherResponses ?? {})) out.responses[status] = responseObject(doc, refOf);
  for (const [status, description] of Object.entries(errorDocs(op))) {
    out.responses[status] = {
      description: `\`${ERROR_CODES[Number(status)]}\`: ${description}`,
      ...(Number(status) === 429 ? { headers: { "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } } } } : {}),
      content: { "application/json": { schema: { $ref: componentRef("ApiError") } } },
    };
  }
  return out;
}

function requestBodyOf(op: ApiOperation, components: Record<string, SchemaObject>): Pick<OperationObject, "requestBody"> {
  if (op.body) {
    const content = { "application/json": { schema: inputJsonSchema(op.body, `${op.id}Body`, components) } };
    return { requestBody: op.bodyOptional ? { required: false, description: "May be left empty.", content } : { required: true, content } };
  }
  if (op.rawBody) {
    const content = Object.fromEntries(Object.entries(op.rawBody.content).map(([type, { encoding, ...schema }]) => [type, encoding ? { schema, encoding } : { schema }]));
    return { requestBody: { required: true, description: op.rawBody.description, content } };
  }
  return {};
}

function responseObject(doc: ApiResponseDoc, refOf: (s: ZodType) => SchemaObject): ResponseObject {
  const content: NonNullable<ResponseObject["content"]> = {};
  if (doc.schema) content["application/json"] = { schema: refOf(doc.schema) };
  for (const [type, schema] of Object.entries(doc.content ?? {})) content[type] = { schema };
  const headers = doc.headers ? Object.fromEntries(Object.entries(doc.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])) : undefined;
  return { description: doc.description, ...(headers ? { headers } : {}), ...(Object.keys(content).length ? { content } : {}) };
}

/** The error answers that apply: implied by the auth mode, the schemas and the method, then the operation's own. */
function errorDocs(op: ApiOperation): Record<string, string> {
  const out: Record<number, string> = {};
  const write = op.method !== "get";
  if (op.query || op.body || op.rawBody) out[400] = "The request failed validation; the message names the first problem.";
  if (op.auth === "user" || op.auth === "session") {
    out[401] = "Not signed in, or the session or API token is unknown, expired or revoked.";
    const reasons = [
      op.role && op.role !== "analyst" ? `it needs the ${op.role} role` : null,
      op.auth === "session" ? "API tokens are refused here (use a browser session)" : write ? "the API token has read scope" : null,
      write ? "the request is cross-site" : null,
    ].filter(Boolean);
    if (reasons.length) out[403] = `Refused: ${reasons.join("; or ")}.`;
  } else if (write) {
    out[403] = "Refused: the request is cross-site.";
  }
  if (op.pathParams) out[404] = "Not found.";
  for (const [status, text] of Object.entries(op.errors ?? {})) out[Number(status)] = status === "403" && out[403] ? `${text} ${out[403]}` : text;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => Number(a) - Number(b)));
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}
