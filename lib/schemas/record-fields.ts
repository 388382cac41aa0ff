import { z } from "zod";
import { directionSchema, partyKindSchema, recordTypeSchema } from "./fields";

const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, "not an E.164 number");
const isoUtc = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "not a UTC ISO-8601 instant");
const text = (max: number) => z.string().max(max).nullable();

/** Longest raw party value kept (a SIP URI with parameters fits; a pasted paragraph does not). */
export const MAX_PARTY_RAW = 128;
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;

type Party = "caller" | "callee" | "target";

interface FieldSpec {
  schema: z.ZodType;
  /** The Prisma model's field (the database column, the CSV/NDJSON/XLSX column and the DTO key are the table's key). */
  prisma: string;
  /** PostgreSQL type of the column (the staging table of the COPY loader is built from it). */
  pg: "text" | "integer" | "boolean";
  /** Part of the content hash (hash-record.ts). The hashed set never changes: stored hashes depend on it. */
  hashed?: true;
  /** Which party a value/kind/raw column describes. */
  party?: Party;
  /** Cut to this many characters when stored. */
  max?: number;
  /** Never null. */
  required?: true;
}

/**
 * The canonical record, one row per field, in stored and exported order. The record schema, the
 * sinks' column lists (record-sink.ts), the PostgreSQL staging table, the export columns and the
 * record DTO all derive from this table, so a new field is added here (plus its migration and the
 * one line in build-batches.ts that a start-up check compares with this order).
 *
 * Parties (issue 17): `caller` is the E.164 form when the value is a phone number, else null;
 * `caller_kind` says what the value is (e164, extension, service, withheld, …) and `caller_raw`
 * keeps it as written, so a call to 911 or from a withheld number is a record, not an error.
 * `caller_raw` is null for a plain phone number (its spelling is formatting) and kept when it
 * says more: any other kind, a repaired number. In the database the kind of an E.164 party is
 * stored as null (implied by the E.164 column; build-batches.ts) and read back as `e164`.
 */
export const RECORD_FIELDS = {
  start_time: { schema: isoUtc, prisma: "startTime", pg: "text", hashed: true, required: true },
  end_time: { schema: isoUtc.nullable(), prisma: "endTime", pg: "text", hashed: true },
  /** null = the file gave no duration (an empty cell and no end time); messages have 0. */
  duration_seconds: { schema: z.number().int().min(0).max(MAX_DURATION_SECONDS).nullable(), prisma: "durationSeconds", pg: "integer", hashed: true },
  caller: { schema: e164.nullable(), prisma: "caller", pg: "text", hashed: true, party: "caller" },
  callee: { schema: e164.nullable(), prisma: "callee", pg: "text", hashed: true, party: "callee" },
  direction: { schema: directionSchema.nullable(), prisma: "direction", pg: "text", hashed: true },
  record_type: { schema: recordTypeSchema, prisma: "recordType", pg: "text", hashed: true, required: true },
  target: { schema: e164.nullable(), prisma: "target", pg: "text", hashed: true, party: "target" },
  dialed_digits: { schema: text(64), prisma: "dialedDigits", pg: "text", hashed: true, max: 64 },
  imei: { schema: text(32), prisma: "imei", pg: "text", hashed: true, max: 32 },
  imsi: { schema: text(32), prisma: "imsi", pg: "text", hashed: true, max: 32 },
  cell_first: { schema: text(64), prisma: "cellFirst", pg: "text", hashed: true, max: 64 },
  cell_last: { schema: text(64), prisma: "cellLast", pg: "text", hashed: true, max: 64 },
  caller_kind: { schema: partyKindSchema.nullable(), prisma: "callerKind", pg: "text", party: "caller" },
  caller_raw: { schema: text(MAX_PARTY_RAW), prisma: "callerRaw", pg: "text", party: "caller", max: MAX_PARTY_RAW },
  callee_kind: { schema: partyKindSchema.nullable(), prisma: "calleeKind", pg: "text", party: "callee" },
  callee_raw: { schema: text(MAX_PARTY_RAW), prisma: "calleeRaw", pg: "text", party: "callee", max: MAX_PARTY_RAW },
  target_kind: { schema: partyKindSchema.nullable(), prisma: "targetKind", pg: "text", party: "target" },
  target_raw: { schema: text(MAX_PARTY_RAW), prisma: "targetRaw", pg: "text", party: "target", max: MAX_PARTY_RAW },
  /** A party's number was restored from spreadsheet damage (lost leading 0/00/011, scientific notation). */
  repaired: { schema: z.boolean(), prisma: "repaired", pg: "boolean" },
} as const satisfies Record<string, FieldSpec>;

export type RecordFieldName = keyof typeof RECORD_FIELDS;
export const RECORD_FIELD_NAMES = Object.keys(RECORD_FIELDS) as RecordFieldName[];

type Shape = { [K in RecordFieldName]: (typeof RECORD_FIELDS)[K]["schema"] };
export const recordShape = Object.fromEntries(RECORD_FIELD_NAMES.map((k) => [k, RECORD_FIELDS[k].schema])) as Shape;

/** The hashed fields in the fixed (sorted) order of the content hash. */
export const HASHED_FIELD_NAMES = RECORD_FIELD_NAMES.filter((k) => "hashed" in RECORD_FIELDS[k]).sort();

const storedType = { text: z.string().nullable(), integer: z.number().nullable(), boolean: z.boolean() } as const;
const requiredType = { text: z.string(), integer: z.number(), boolean: z.boolean() } as const;
type Spec<K extends RecordFieldName> = (typeof RECORD_FIELDS)[K];
type DtoShape = { [K in RecordFieldName]: Spec<K> extends { required: true } ? (typeof requiredType)[Spec<K>["pg"]] : (typeof storedType)[Spec<K>["pg"]] };
/** The record's fields as the API returns them (stored types: a masked number is no longer E.164). */
export const recordDtoFields = Object.fromEntries(
  RECORD_FIELD_NAMES.map((k) => {
    const f: FieldSpec = RECORD_FIELDS[k];
    return [k, (f.required ? requiredType : storedType)[f.pg]];
  }),
) as DtoShape;
