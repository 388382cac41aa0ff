import type { OpenApiDocument, SchemaObject } from "./openapi-types";

/** Reading the document's JSON Schemas for people: type labels, constraints and field lists (the /api-docs page). */

const REF_PREFIX = "#/components/schemas/";
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export interface SchemaField {
  name: string;
  schema: SchemaObject;
  required: boolean;
  description: string | null;
  notes: string | null;
}

/** The component name a `$ref` points at, or null. */
export function refName(schema: SchemaObject | undefined): string | null {
  const ref = schema?.$ref;
  return typeof ref === "string" && ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : null;
}

/** The schema itself, or the component a `$ref` names. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject | undefined {
  const name = refName(schema);
  return name ? doc.components.schemas[name] : schema;
}

/** Non-null members of a nullable `anyOf` (zod writes `x.nullable()` as `anyOf: [x, {type:"null"}]`). */
export function nonNull(schema: SchemaObject): { schema: SchemaObject; nullable: boolean } {
  const anyOf = schema.anyOf as SchemaObject[] | undefined;
  if (anyOf) {
    const rest = anyOf.filter((s) => s.type !== "null");
    if (rest.length === 1 && rest.length < anyOf.length) return { schema: { ...schema, anyOf: undefined, ...rest[0] }, nullable: true };
  }
  const type = schema.type;
  if (Array.isArray(type) && type.includes("null")) {
    const others = type.filter((t) => t !== "null");
    return { schema: { ...schema, type: others.length === 1 ? others[0] : others }, nullable: true };
  }
  return { schema, nullable: false };
}

/** "string", "integer", "Job", "array of Record", "\"csv\" | \"xlsx\"", "string or null"… */
export function typeLabel(schema: SchemaObject | undefined): string {
  if (!schema) return "any";
  const { schema: s, nullable } = nonNull(schema);
  const label = baseLabel(s);
  return nullable ? `${label} or null` : label;
}

function baseLabel(s: SchemaObject): string {
  const ref = refName(s);
  if (ref) return ref;
  if (Array.isArray(s.enum)) return (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ");
  if (s.const !== undefined) return JSON.stringify(s.const);
  const union = (s.anyOf ?? s.oneOf) as SchemaObject[] | undefined;
  if (union) return [...new Set(union.map(typeLabel))].join(" or ");
  if (s.type === "array") return `array of ${typeLabel(s.items as SchemaObject | undefined)}`;
  if (s.type === "object" && s.additionalProperties && typeof s.additionalProperties === "object") return `map of ${typeLabel(s.additionalProperties as SchemaObject)}`;
  if (Array.isArray(s.type)) return s.type.join(" or ");
  if (typeof s.type === "string") return typeof s.format === "string" ? `${s.type} (${s.format})` : typeof s.contentMediaType === "string" ? "file" : s.type;
  return "any";
}

/** Bounds, lengths, patterns and defaults in a few words: "1–100 characters", "≥ 1, default 100". */
export function constraintNotes(schema: SchemaObject): string | null {
  const { schema: s } = nonNull(schema);
  const notes: string[] = [];
  const num = (k: string) => (typeof s[k] === "number" && Math.abs(s[k] as number) < MAX_SAFE ? (s[k] as number) : undefined);
  const min = num("minimum") ?? (num("exclusiveMinimum") !== undefined ? num("exclusiveMinimum")! + (s.type === "integer" ? 1 : 0) : undefined);
  const max = num("maximum");
  if (min !== undefined && max !== undefined) notes.push(`${min}–${max}`);
  else if (min !== undefined) notes.push(`≥ ${min}`);
  else if (max !== undefined) notes.push(`≤ ${max}`);
  const minLen = num("minLength") ?? num("minItems");
  const maxLen = num("maxLength") ?? num("maxItems");
  const unit = s.type === "array" ? "items" : "characters";
  if (minLen !== undefined && maxLen !== undefined) notes.push(`${minLen}–${maxLen} ${unit}`);
  else if (maxLen !== undefined) notes.push(`at most ${maxLen} ${unit}`);
  else if (minLen !== undefined && minLen > 0) notes.push(minLen === 1 && unit === "characters" ? "not empty" : `at least ${minLen} ${unit}`);
  if (typeof s.pattern === "string" && s.pattern.length <= 40 && !s.format) notes.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) notes.push(`default ${JSON.stringify(s.default)}`);
  return notes.length ? notes.join(", ") : null;
}

/** The properties of an object schema (through a `$ref`), or null when it is not an object with properties. */
export function schemaFields(doc: OpenApiDocument, schema: SchemaObject | undefined): SchemaField[] | null {
  const s = resolveSchema(doc, schema);
  const props = s?.properties as Record<string, SchemaObject> | undefined;
  if (!s || !props) return null;
  const required = new Set((s.required as string[] | undefined) ?? []);
  return Object.entries(props).map(([name, p]) => ({
    name,
    schema: p,
    required: required.has(name),
    description: typeof p.description === "string" ? p.description : null,
    notes: constraintNotes(p),
  }));
}

/** The component names a schema refers to directly (itself, array items, nullable). */
export function referencedNames(schema: SchemaObject | undefined): string[] {
  if (!schema) return [];
  const own = refName(schema);
  if (own) return [own];
  const { schema: s } = nonNull(schema);
  if (s !== schema) return referencedNames(s);
  if (s.type === "array") return referencedNames(s.items as SchemaObject | undefined);
  return [];
}
