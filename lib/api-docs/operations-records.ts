import { recordListQuerySchema, recordListResponseSchema } from "../schemas/api";
import { caseScopeQuerySchema } from "../schemas/case";
import { contactListQuerySchema, recordExportQuerySchema, timelineQuerySchema } from "../schemas/queries";
import { contactListResponseSchema, targetsResponseSchema, timelineResponseSchema } from "../schemas/responses";
import type { ApiOperation } from "./operation-types";

const NO_CASE = "There is no such case, or you are not a member.";
const RECORD_FILTERS = {
  jobId: "Only records loaded from this job.",
  includeDuplicates: "`1`/`true`: also the linked duplicate legs (hidden by default: they would count a call twice).",
  number: "Only records where this number is a party.",
  from: "Only records starting at or after this time (ISO 8601).",
  to: "Only records starting at or before this time (ISO 8601).",
  type: "Only this record type: voice, sms, mms or data.",
  imei: "Only records of this handset. Digits are compared (spaces, dashes and dots ignored), as exact equality; a 15-digit IMEI also finds its 14-digit form without the check digit, and back.",
  imsi: "Only records of this subscriber identity (IMSI). Digits are compared (spaces, dashes and dots ignored), as exact equality.",
  cell: "Only records whose first or last cell is this cell id (exact).",
  direction: "Only `incoming` or only `outgoing` records.",
  minDuration: "Only records lasting at least this many seconds (inclusive); records with no known duration are left out.",
  maxDuration: "Only records lasting at most this many seconds (inclusive); must not be below minDuration.",
};
/** Every filter combines with the others (AND); an unknown query parameter is refused, never ignored. */
const FILTERS_NOTE = "Filters combine (all must hold). A query parameter the operation does not know is a 400 naming it, never ignored.";

/** Loaded records, their export, targets, timelines and contacts. */
export const RECORD_OPERATIONS: ApiOperation[] = [
  {
    id: "listRecords",
    method: "get",
    path: "/api/records",
    tag: "Records",
    auth: "user",
    role: "analyst",
    summary: "List records",
    description: `Records of one case (\`caseId\`) or of every case the caller may see, filtered and paged. ${FILTERS_NOTE}`,
    query: recordListQuerySchema,
    queryDocs: RECORD_FILTERS,
    success: { status: 200, description: "A page of records and the total.", schema: recordListResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "exportRecords",
    method: "get",
    path: "/api/records/export",
    tag: "Records",
    auth: "user",
    role: "analyst",
    summary: "Export records as CSV, XLSX or Parquet",
    description: `The records, filtered like GET /api/records (no paging), streamed as a CSV, XLSX or Parquet download with duplicate_of, carrier and source columns. Parquet (for DuckDB, pandas, Spark) has the CSV's columns, typed: start_time and end_time as TIMESTAMP (UTC, milliseconds), duration_seconds, duplicate_of and source_line as INT32, repaired as BOOLEAN, the rest UTF-8 strings; it is written row group by row group (16,384 rows each) as the records are read. Every export is written to the audit log. ${FILTERS_NOTE}`,
    query: recordExportQuerySchema,
    queryDocs: { ...RECORD_FILTERS, format: "`csv` (default), `xlsx` or `parquet`." },
    success: {
      status: 200,
      description: "The file, as an attachment.",
      content: {
        "text/csv": { type: "string", description: "UTF-8 CSV with a header row (format=csv)." },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          type: "string",
          contentMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          description: "An Excel workbook (format=xlsx).",
        },
        "application/vnd.apache.parquet": {
          type: "string",
          contentMediaType: "application/vnd.apache.parquet",
          description: "An Apache Parquet file, Snappy-compressed (format=parquet).",
        },
      },
      headers: { "Content-Disposition": '`attachment; filename="switchyard-records.csv"` (or .xlsx, .parquet).' },
    },
    errors: { 404: NO_CASE },
  },
  {
    id: "listTargets",
    method: "get",
    path: "/api/records/targets",
    tag: "Records",
    auth: "user",
    role: "analyst",
    summary: "List targets",
    description: "The targets (subscribers) with records in the case, or in every case the caller may see.",
    query: caseScopeQuerySchema,
    success: { status: 200, description: "The targets, sorted.", schema: targetsResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getTimeline",
    method: "get",
    path: "/api/records/timeline",
    tag: "Records",
    auth: "user",
    role: "analyst",
    summary: "A target's timeline",
    description: "Day buckets of one target's calls and messages, with the silences (gaps) found across all of the target's files in its case.",
    query: timelineQuerySchema,
    queryDocs: { target: "The target (subscriber) number." },
    success: { status: 200, description: "Days and gaps.", schema: timelineResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "listContacts",
    method: "get",
    path: "/api/contacts",
    tag: "Contacts",
    auth: "user",
    role: "analyst",
    summary: "List contacts",
    description: "Who the case's targets talked to (or every case the caller may see), counted within each case.",
    query: contactListQuerySchema,
    queryDocs: { target: "Only this target's contacts.", kind: "Only contacts of this party kind (e164, extension, service, withheld, …)." },
    success: { status: 200, description: "A page of contacts, the total and counts per party kind.", schema: contactListResponseSchema },
    errors: { 404: NO_CASE },
  },
];
