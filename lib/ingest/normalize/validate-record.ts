import { canonicalRecordSchema, type CanonicalRecord } from "../../schemas/record";

/**
 * Full zod check of a built record. The builder produces valid records by construction and does
 * not call this per row (too slow for a million rows); tests and boundaries do.
 */
export function validateRecord(record: unknown): { ok: true; record: CanonicalRecord } | { ok: false; issues: string[] } {
  const result = canonicalRecordSchema.safeParse(record);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, issues: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
}
