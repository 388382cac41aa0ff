import { z, type ZodType } from "zod";
import type { SchemaObject } from "./openapi-types";

/**
 * zod → JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) with zod 4's own z.toJSONSchema. Types
 * with no JSON Schema form (custom checks, transforms' far side) become `{}` instead of throwing,
 * so generating the document never fails at run time.
 */
export const JSON_SCHEMA_OPTIONS = { target: "draft-2020-12", unrepresentable: "any" } as const;

export const componentRef = (name: string) => `#/components/schemas/${name}`;

/** What a client sends (defaults optional, coerced query values as their input type): inline, without `$schema`. */
export function inputJsonSchema(schema: ZodType, defsPrefix: string, components: Record<string, SchemaObject>): SchemaObject {
  const json = z.toJSONSchema(schema, { ...JSON_SCHEMA_OPTIONS, io: "input" }) as SchemaObject;
  return hoistDefs(json, defsPrefix, components);
}

/**
 * What the server answers: every named schema converted in one pass, so a DTO used by several
 * answers is one component and the others `$ref` it.
 */
export function outputComponents(named: ReadonlyMap<ZodType, { id: string; description?: string }>): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string; description?: string }>();
  for (const [schema, meta] of named) registry.add(schema, meta);
  const { schemas } = z.toJSONSchema(registry, { ...JSON_SCHEMA_OPTIONS, io: "output", uri: componentRef });
  const out: Record<string, SchemaObject> = {};
  for (const [id, json] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = json as SchemaObject;
    out[id] = rest;
  }
  return out;
}

/** A standalone conversion keeps recursive parts under `$defs`; in an OpenAPI document they must be components. */
function hoistDefs(json: SchemaObject, prefix: string, components: Record<string, SchemaObject>): SchemaObject {
  const { $schema: _s, $defs, ...rest } = json;
  if (!$defs) return rest;
  const rename = (s: string) => s.replace(/^#\/\$defs\/(.+)$/, (_m, name: string) => componentRef(`${prefix}_${name}`));
  const rewrite = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(rewrite)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === "$ref" && typeof x === "string" ? rename(x) : rewrite(x)]))
        : v;
  for (const [name, def] of Object.entries($defs as Record<string, SchemaObject>)) components[`${prefix}_${name}`] = rewrite(def) as SchemaObject;
  return rewrite(rest) as SchemaObject;
}
