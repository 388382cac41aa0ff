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

/**
 * Helper fields feed canonical ones: a date and a clock in two columns, a carrier code, a row number,
 * a zone column, and the other party of a one-subscriber log (`counterparty`: with the target and
 * the direction it becomes the caller or the callee).
 */
export const HELPER_FIELDS = ["start_date", "start_clock", "call_type", "item", "time_zone", "counterparty"] as const;

export const MAPPABLE_FIELDS = [...CANONICAL_FIELDS, ...HELPER_FIELDS] as const;

export const canonicalFieldSchema = z.enum(CANONICAL_FIELDS);
export const mappableFieldSchema = z.enum(MAPPABLE_FIELDS);
export type CanonicalField = z.infer<typeof canonicalFieldSchema>;
export type MappableField = z.infer<typeof mappableFieldSchema>;

/** Fields whose wrong mapping corrupts records; a doubt on any of them sends the job to review. */
export const CORE_FIELDS: readonly MappableField[] = ["start_time", "start_date", "start_clock", "duration_seconds", "caller", "callee"];

export const RECORD_TYPES = ["voice", "sms", "mms", "data"] as const;
export const DIRECTIONS = ["incoming", "outgoing"] as const;
export const recordTypeSchema = z.enum(RECORD_TYPES);
export const directionSchema = z.enum(DIRECTIONS);
export type RecordType = z.infer<typeof recordTypeSchema>;
export type Direction = z.infer<typeof directionSchema>;

/**
 * The four carriers, built-in layouts of PBXs and CPaaS call-log exports (lib/ingest/classify/
 * builtin-layouts.ts), and `unknown`.
 */
export const CARRIERS = ["att", "verizon", "tmobile", "sprint", "asterisk", "freeswitch", "cucm", "3cx", "twilio", "telnyx", "bandwidth", "amazon_connect", "unknown"] as const;
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
  counterparty: "Other party",
};

/** How a party value was read (issue 17): a call is kept whatever its parties are, with the kind saying what they are. */
export const PARTY_KINDS = ["e164", "national", "short_code", "service", "extension", "sip", "withheld", "id", "invalid"] as const;
export const partyKindSchema = z.enum(PARTY_KINDS);
export type PartyKind = z.infer<typeof partyKindSchema>;

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  e164: "Phone number",
  national: "National number (country unknown)",
  short_code: "Short code",
  service: "Service / emergency number",
  extension: "Extension or endpoint",
  sip: "SIP address",
  withheld: "Withheld",
  id: "Subscriber id",
  invalid: "Not a valid number",
};
