import { z } from "zod";

/**
 * The canonical call record of DESIGN.md and the helper fields a source column may map to.
 * This list is the single source of truth for the mapping UI, the mapper and the normalizer.
 */
export const CANONICAL_FIELDS = [
  "start_time",
  "end_time",
  "duration_seconds",
  "caller",
  "callee",
  "direction",
  "record_type",
  "target",
  "dialed_digits",
  "imei",
  "imsi",
  "cell_first",
  "cell_last",
] as const;

/** Helper fields feed canonical ones: a date and a clock in two columns, a carrier code, a row number, a zone column. */
export const HELPER_FIELDS = ["start_date", "start_clock", "call_type", "item", "time_zone"] as const;

export const MAPPABLE_FIELDS = [...CANONICAL_FIELDS, ...HELPER_FIELDS] as const;

export const canonicalFieldSchema = z.enum(CANONICAL_FIELDS);
export const mappableFieldSchema = z.enum(MAPPABLE_FIELDS);
export type CanonicalField = z.infer<typeof canonicalFieldSchema>;
export type MappableField = z.infer<typeof mappableFieldSchema>;

/** Fields whose wrong mapping corrupts records; a doubt on any of them sends the job to review. */
export const CORE_FIELDS: readonly MappableField[] = [
  "start_time",
  "start_date",
  "start_clock",
  "duration_seconds",
  "caller",
  "callee",
];

export const RECORD_TYPES = ["voice", "sms", "mms", "data"] as const;
export const DIRECTIONS = ["incoming", "outgoing"] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES);
export const directionSchema = z.enum(DIRECTIONS);
export type RecordType = z.infer<typeof recordTypeSchema>;
export type Direction = z.infer<typeof directionSchema>;

/** The four carriers, built-in PBX layouts (`asterisk`: Asterisk cdr_csv Master.csv / cdr_custom), and `unknown`. */
export const CARRIERS = ["att", "verizon", "tmobile", "sprint", "asterisk", "unknown"] as const;
export const carrierSchema = z.enum(CARRIERS);
export type Carrier = z.infer<typeof carrierSchema>;

/** Human labels for the mapping picker. */
export const FIELD_LABELS: Record<MappableField, string> = {
  start_time: "Start time",
  end_time: "End time",
  duration_seconds: "Duration",
  caller: "Caller (A number)",
  callee: "Callee (B number)",
  direction: "Direction",
  record_type: "Record type",
  target: "Target subscriber",
  dialed_digits: "Dialed digits",
  imei: "IMEI",
  imsi: "IMSI",
  cell_first: "First cell",
  cell_last: "Last cell",
  start_date: "Start date (date only)",
  start_clock: "Start clock (time only)",
  call_type: "Carrier call-type code",
  item: "Row / item number",
  time_zone: "Time zone",
};
