import { createHash } from "node:crypto";
import { RECORD_KEYS, type CanonicalRecord } from "../../schemas/record";

/**
 * SHA-256 (hex) of a record's values in RECORD_KEYS order. The values are serialized as a JSON
 * array, which is unambiguous: a separator inside a value cannot shift a boundary, and null differs
 * from "null" and from "".
 */
export function hashRecord(record: CanonicalRecord): string {
  const values = new Array<unknown>(RECORD_KEYS.length);
  for (let i = 0; i < RECORD_KEYS.length; i++) values[i] = record[RECORD_KEYS[i] as keyof CanonicalRecord];
  return createHash("sha256").update(JSON.stringify(values)).digest("hex");
}
