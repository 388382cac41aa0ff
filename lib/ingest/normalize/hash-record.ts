import crypto from "node:crypto";
import { isoInstantMs } from "../iso-instant";
import { RECORD_KEYS, type CanonicalRecord } from "../../schemas/record";

/** Hex digits of the leading start-time field: seconds since 1970 fit in 10 hex digits until the year 36812. */
const TIME_HEX = 10;
/** The rest of the 64 hex characters comes from SHA-256 (216 bits: collisions stay out of reach). */
const DIGEST_HEX = 64 - TIME_HEX;

/**
 * The record's content hash: 64 lower-case hex characters, a pure function of the record's values.
 *
 * The first 10 are the start time (seconds since 1970, hex), the other 54 the start of a SHA-256 of
 * every value in RECORD_KEYS order. Equal records give equal hashes exactly as with a bare SHA-256
 * (the start time is one of the values), but the unique index on content_hash now grows in time
 * order instead of at random: a time-ordered file appends at the right edge of the B-tree and a
 * re-upload probes neighbouring keys, so the index stays fast with a small page cache at 10M rows.
 * A bare SHA-256 index thrashed the cache and rewrote thousands of scattered pages per batch.
 *
 * Stored hashes must never change (re-uploads are deduplicated against them), so the bytes hashed
 * are fixed: see serializeValues, and hash-record.test.ts, which checks them against a plain
 * reimplementation.
 */
export function hashRecord(record: CanonicalRecord): string {
  const ms = isoInstantMs(record.start_time);
  const seconds = Number.isFinite(ms) && ms >= 0 ? Math.floor(ms / 1000) : 0;
  const time = seconds.toString(16).padStart(TIME_HEX, "0").slice(-TIME_HEX);
  const bytes = serializeInto(record);
  const digest = bytes >= 0 ? sha256Hex(scratchView(bytes)) : sha256Hex(serializeValues(record));
  return time + digest.slice(0, DIGEST_HEX);
}

type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: "hex") => string;
/**
 * crypto.hash (Node ≥ 20.12) hashes in one call; building a Hash object per record cost more than
 * the hashing itself (a third of the hash time in the 1M-row profile).
 */
const oneShot = (crypto as unknown as { hash?: OneShotHash }).hash;
const sha256Hex: (data: string | Uint8Array) => string = oneShot ? (data) => oneShot("sha256", data, "hex") : (data) => crypto.createHash("sha256").update(data).digest("hex");

const SURROGATE = /[\ud800-\udfff]/;

/**
 * Unambiguous, cheap serialization: each value is tagged and strings carry their length (in UTF-16
 * units), so a separator inside a value cannot shift a boundary, and null, "" and "null" differ.
 * Lone UTF-16 surrogates (which UTF-8 encoding would turn into U+FFFD and so confuse with it) make
 * a string go through JSON.stringify, which escapes them; phone numbers and instants never take
 * that path. The hash is SHA-256 of this string's UTF-8 bytes.
 */
function serializeValues(record: CanonicalRecord): string {
  let out = "";
  for (let i = 0; i < RECORD_KEYS.length; i++) {
    const v = record[RECORD_KEYS[i] as keyof CanonicalRecord] as string | number | null;
    if (v === null || v === undefined) out += "~;";
    else if (typeof v === "number") out += `#${v};`;
    else if (!SURROGATE.test(v)) out += `${v.length}:${v};`;
    else out += `j${JSON.stringify(v)};`;
  }
  return out + partySuffix(record);
}

/**
 * Parties without an E.164 form (an extension, 911, a SIP address, a withheld caller written as
 * "Restricted") are told apart by kind and raw value, so calls from extension 101 and 102 at the
 * same second are two records. Only such parties add to the hash: every record that has E.164
 * parties (all that earlier versions stored) hashes exactly as before, and re-uploads still match.
 */
function partySuffix(r: CanonicalRecord): string {
  let out = "";
  if (r.caller === null && r.caller_raw !== null) out += `@caller${JSON.stringify([r.caller_kind, r.caller_raw])};`;
  if (r.callee === null && r.callee_raw !== null) out += `@callee${JSON.stringify([r.callee_kind, r.callee_raw])};`;
  if (r.target === null && r.target_raw !== null) out += `@target${JSON.stringify([r.target_kind, r.target_raw])};`;
  return out;
}

const hasPartySuffix = (r: CanonicalRecord): boolean =>
  (r.caller === null && r.caller_raw !== null) || (r.callee === null && r.callee_raw !== null) || (r.target === null && r.target_raw !== null);

/** Longest string value written byte by byte; longer ones (never valid records) take the string path. */
const MAX_SCRATCH_STRING = 256;
/** 13 values × (tag, length digits, up to 3 UTF-8 bytes per unit, separators) fit with room to spare. */
const scratch = Buffer.allocUnsafe(16 * 1024);

/**
 * `scratch.subarray(0, n)`, made once per length: a view per record cost ~50 ns plus the garbage,
 * and crypto.hash took ~30 % longer with a fresh view than with a reused one (~330 vs ~460 ns).
 */
const views: Buffer[] = [];
const scratchView = (n: number): Buffer => (views[n] ??= scratch.subarray(0, n));

/** RECORD_KEYS spelled out so serializeInto reads each field by name: a keyed read per field cost ~30 ns. */
const HASH_ORDER = [
  "callee",
  "caller",
  "cell_first",
  "cell_last",
  "dialed_digits",
  "direction",
  "duration_seconds",
  "end_time",
  "imei",
  "imsi",
  "record_type",
  "start_time",
  "target",
];
if (HASH_ORDER.join() !== RECORD_KEYS.join()) throw new Error("hash-record.ts: HASH_ORDER no longer matches RECORD_KEYS; stored hashes depend on it");

/**
 * The same bytes as serializeValues, written straight into a reusable buffer: the string version
 * built ~30 short-lived strings per record plus a UTF-8 copy, the largest source of garbage in the
 * row producers after the parse itself. Returns the byte count, or -1 when the record needs the
 * string path (a lone surrogate, an over-long value). Fields in HASH_ORDER (= RECORD_KEYS).
 */
function serializeInto(r: CanonicalRecord): number {
  if (hasPartySuffix(r)) return -1; // rare: the string path writes the suffix
  let at = put(r.callee, 0);
  if (at >= 0) at = put(r.caller, at);
  if (at >= 0) at = put(r.cell_first, at);
  if (at >= 0) at = put(r.cell_last, at);
  if (at >= 0) at = put(r.dialed_digits, at);
  if (at >= 0) at = put(r.direction, at);
  if (at >= 0) at = put(r.duration_seconds, at);
  if (at >= 0) at = put(r.end_time, at);
  if (at >= 0) at = put(r.imei, at);
  if (at >= 0) at = put(r.imsi, at);
  if (at >= 0) at = put(r.record_type, at);
  if (at >= 0) at = put(r.start_time, at);
  if (at >= 0) at = put(r.target, at);
  return at;
}

/** One value as serializeValues writes it; -1 when it needs the string path. */
function put(v: string | number | null | undefined, at: number): number {
  if (v === null || v === undefined) {
    scratch[at++] = 0x7e; // ~
  } else if (typeof v === "number") {
    scratch[at++] = 0x23; // #
    at = writeAscii(String(v), at);
  } else {
    if (v.length > MAX_SCRATCH_STRING) return -1;
    at = writeAscii(String(v.length), at);
    scratch[at++] = 0x3a; // :
    at = writeUtf8(v, at);
    if (at < 0) return -1;
  }
  scratch[at++] = 0x3b; // ;
  return at;
}

function writeAscii(s: string, at: number): number {
  for (let k = 0; k < s.length; k++) scratch[at++] = s.charCodeAt(k);
  return at;
}

/** ASCII byte by byte; anything else through Buffer#write (UTF-8); -1 for a surrogate (see serializeValues). */
function writeUtf8(s: string, at: number): number {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x80) {
      scratch[at++] = c;
      continue;
    }
    if (SURROGATE.test(s)) return -1;
    return at - k + scratch.write(s, at - k, "utf8");
  }
  return at;
}
