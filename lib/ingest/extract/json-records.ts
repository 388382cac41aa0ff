import { numberText } from "./cell-text";

/**
 * Finding the records inside a JSON document and turning each into flat columns. Exports
 * wrap the records in envelopes ({"meta":…,"data":{"calls":[…]}}); the record array is the
 * largest array of objects anywhere inside, and the scalars around it are preamble
 * ("timezone: America/New_York", "target: …") for the classifier.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

const MAX_FLATTEN_DEPTH = 8;
const MAX_SEARCH_DEPTH = 64;
const MAX_PREAMBLE = 50;

export interface FoundRecords {
  records: Json[];
  /** Dotted path of the record array ("" for a top-level array). */
  path: string;
  preamble: string[];
}

/** A scalar (or small array) as cell text: numbers as digits, null as empty. */
export function jsonValueText(v: Json | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return numberText(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) return v.map((x) => jsonValueText(x)).join(", ");
  try {
    return JSON.stringify(v);
  } catch {
    return "";
  }
}

/**
 * A short array of objects is a list of endpoints (Vonage's `"from": [{"type": "phone", "number": "…"}]`):
 * its elements become indexed columns (from.0.number) so the party's number is addressable. Longer
 * arrays stay one JSON cell.
 */
const MAX_INDEXED_ELEMENTS = 2;

/** Nested objects become dotted columns: {"from":{"number":"…"}} → from.number; [{"number":"…"}] → from.0.number. */
export function flattenRecord(record: Json, into = new Map<string, string>(), prefix = "", depth = 0): Map<string, string> {
  if (!isObject(record)) {
    into.set(prefix || "value", jsonValueText(record));
    return into;
  }
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isObject(value) && depth < MAX_FLATTEN_DEPTH && Object.keys(value).length > 0) flattenRecord(value, into, name, depth + 1);
    else if (
      Array.isArray(value) &&
      value.length > 0 &&
      value.length <= MAX_INDEXED_ELEMENTS &&
      depth < MAX_FLATTEN_DEPTH &&
      value.every((x) => isObject(x) && Object.keys(x).length > 0)
    )
      value.forEach((x, i) => flattenRecord(x, into, `${name}.${i}`, depth + 1));
    else into.set(name, jsonValueText(value));
  }
  return into;
}

/** An object with at least this many scalar fields is a record, not an envelope. */
const MIN_RECORD_SCALARS = 4;
/** Endpoint objects are small: a type, a number, maybe a name. */
const MAX_ENDPOINT_KEYS = 3;

const scalarKeys = (o: JsonObject) => Object.values(o).filter((v) => v === null || typeof v !== "object").length;

/** A short array of small objects: the endpoints of one call (Vonage's "to"/"from"), not a list of calls. */
function isEndpointList(arr: Json[]): boolean {
  return arr.length <= MAX_INDEXED_ELEMENTS && arr.every((x) => isObject(x) && Object.keys(x).length <= MAX_ENDPOINT_KEYS);
}

function arrayScore(arr: Json[]): number {
  let objects = 0;
  for (const v of arr) if (isObject(v)) objects++;
  return objects;
}

/** The largest array of objects inside `root`, by number of object elements (depth-first, first wins a tie). */
function largestObjectArray(root: Json, path: string, depth: number, best: { arr: Json[] | null; path: string; score: number }): void {
  if (depth > MAX_SEARCH_DEPTH) return;
  if (Array.isArray(root)) {
    const score = arrayScore(root);
    if (score > best.score) Object.assign(best, { arr: root, path, score });
    for (const v of root) if (typeof v === "object" && v !== null) largestObjectArray(v, path, depth + 1, best);
  } else if (isObject(root)) {
    for (const [k, v] of Object.entries(root)) if (typeof v === "object" && v !== null) largestObjectArray(v, path ? `${path}.${k}` : k, depth + 1, best);
  }
}

/** Scalars outside the record array, as "key: value" lines (top-level keys undotted). */
function collectPreamble(node: Json, path: string, recordPath: string, out: string[], depth: number): void {
  if (out.length >= MAX_PREAMBLE || depth > 6 || !isObject(node)) return;
  for (const [k, v] of Object.entries(node)) {
    const name = path ? `${path}.${k}` : k;
    if (name === recordPath) continue;
    if (isObject(v)) collectPreamble(v, name, recordPath, out, depth + 1);
    else if (!Array.isArray(v) || v.every((x) => x === null || typeof x !== "object")) {
      const text = jsonValueText(v);
      if (text !== "" && out.length < MAX_PREAMBLE) out.push(`${name}: ${text}`);
    }
  }
}

/** A bag of this many scalars beside the array is a record's own fields (FreeSWITCH `variables`), not paging fields. */
const MIN_FIELD_BAG = 20;
/** Elements this small are a record's sub-list (an application log: name, data, stamp), not calls. */
const MAX_SUBLIST_KEYS = 5;

/** One call whose own fields sit in a nested bag and whose arrays are short sub-lists (a FreeSWITCH mod_json_cdr document): the object is the record. */
function isRecordWithSublists(root: JsonObject, arr: Json[]): boolean {
  const bag = Math.max(0, ...Object.values(root).map((v) => (isObject(v) ? scalarKeys(v) : 0)));
  const keys = arr.reduce<number>((n, x) => n + (isObject(x) ? Object.keys(x).length : 0), 0) / Math.max(1, arr.length);
  return bag >= MIN_FIELD_BAG && keys <= MAX_SUBLIST_KEYS;
}

export function findRecords(root: Json): FoundRecords {
  if (Array.isArray(root) && (root.length === 0 || arrayScore(root) > 0 || !root.some(Array.isArray))) return { records: root, path: "", preamble: [] };
  const best = { arr: null as Json[] | null, path: "", score: 0 };
  largestObjectArray(root, "", 0, best);
  const preamble: string[] = [];
  collectPreamble(root, "", best.path, preamble, 0);
  if (!best.arr || (isObject(root) && ((isEndpointList(best.arr) && scalarKeys(root) >= MIN_RECORD_SCALARS) || isRecordWithSublists(root, best.arr)))) {
    // One object and no array of objects — or only a short list of endpoints inside it (a single
    // call: {"uuid", "start_time", …, "to": [{"type", "number"}]}): the object itself is the only record.
    return { records: isObject(root) ? [root] : [], path: "", preamble: isObject(root) ? [] : preamble };
  }
  return { records: best.arr, path: best.path, preamble };
}

/** Union of flattened keys in first-seen order. */
export function headerUnion(rows: Iterable<Map<string, string>>, into: string[] = [], seen = new Set<string>()): string[] {
  for (const row of rows)
    for (const key of row.keys())
      if (!seen.has(key)) {
        seen.add(key);
        into.push(key);
      }
  return into;
}

export type { Json };
