import type { ApiAuth } from "./operation-types";

/** The parts of an OpenAPI 3.1 document that lib/api-docs writes and the reference page reads. */

export type SchemaObject = Record<string, unknown>;

export interface MediaTypeObject {
  schema?: SchemaObject;
  encoding?: Record<string, { contentType: string }>;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: SchemaObject;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: SchemaObject }>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: ParameterObject[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaTypeObject> };
  responses: Record<string, ResponseObject>;
  /** How the operation authenticates (lib/api-docs/operation-types.ts). */
  "x-switchyard-auth": ApiAuth;
  /** The least global role, when signed in. */
  "x-switchyard-role"?: string;
}

export type PathItemObject = Partial<Record<"get" | "put" | "post" | "delete" | "patch", OperationObject>>;

export interface OpenApiDocument {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, PathItemObject>;
  components: {
    schemas: Record<string, SchemaObject>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}
