import {
  cellCallsQuerySchema,
  cellCallsResponseSchema,
  cellSiteClearResponseSchema,
  cellSiteListQuerySchema,
  cellSiteListResponseSchema,
  cellSiteUploadResponseSchema,
  targetCellsQuerySchema,
  targetCellsResponseSchema,
} from "../schemas/cells";
import type { ApiOperation } from "./operation-types";

const NO_CASE = "There is no such case, or you are not a member.";
const CASE_ID = { id: { description: "The case id.", integer: true } };
const PLACED =
  'A cell is placed by the case\'s cell-site list: its own entry (keys compared as lib/cell-sites normalizes them: "55303/1", "055303-01" and site 55303 + sector 1 are all 55303-1), else the entry of its whole site (a list row without a sector).';

/** Devices and cells (issue 21): a case's cell-site list and a target's cells. */
export const CELL_OPERATIONS: ApiOperation[] = [
  {
    id: "listCellSites",
    method: "get",
    path: "/api/cases/{id}/cell-sites",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "The case's cell-site list",
    description: "The entries of the case's cell-site list by cell key (at most `limit`), and how many it has.",
    pathParams: CASE_ID,
    query: cellSiteListQuerySchema,
    queryDocs: { limit: "At most this many entries (default 10000)." },
    success: { status: 200, description: "The list.", schema: cellSiteListResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "uploadCellSites",
    method: "post",
    path: "/api/cases/{id}/cell-sites",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Upload a carrier's cell-site list to a case",
    description:
      "Reads a cell-site list (CSV, TSV, semicolon or pipe text, or XLSX; title lines above the header are skipped) with a cell column (Cell ID, CI, LAC-CI, CGI…) or a site column (Site ID, eNodeB…) and optionally a sector, Latitude and Longitude in decimal degrees (N/S/E/W letters and decimal commas accepted), and optionally Azimuth and Beamwidth in degrees and labels (Site Name, Address…). Each usable row is merged into the case's list, replacing the entry of the same cell; every other row is listed with its line and reason (rows = loaded + rejected). Any member of the case; written to the audit log.",
    pathParams: CASE_ID,
    rawBody: {
      description: "The list, as one file part.",
      content: {
        "multipart/form-data": {
          type: "object",
          properties: { file: { type: "string", contentMediaType: "application/octet-stream", description: "The cell-site list (at most 20 MB)." } },
          required: ["file"],
          encoding: { file: { contentType: "application/octet-stream" } },
        },
      },
    },
    success: { status: 200, description: "What was loaded and what was rejected.", schema: cellSiteUploadResponseSchema },
    errors: {
      400: "Not multipart, no file or two files, or a list with no header or no usable row (the message says which).",
      404: NO_CASE,
      413: "The list is larger than 20 MB.",
    },
  },
  {
    id: "clearCellSites",
    method: "delete",
    path: "/api/cases/{id}/cell-sites",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Empty the case's cell-site list",
    description: "Deletes every entry of the case's cell-site list. Any member of the case; written to the audit log.",
    pathParams: CASE_ID,
    success: { status: 200, description: "How many entries were deleted.", schema: cellSiteClearResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getTargetCells",
    method: "get",
    path: "/api/analytics/cells",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Cells of a target: by frequency and by hour, placed on the map",
    description: `The cells the target's records name as first or last cell, as the records spell them, the most events first: events (records whose first or last cell it is, once each), firstEvents, lastEvents, first and last start time, and where the case's list places it. ${PLACED} byHour counts the events of the most frequent cells per hour of the day in the case's display time zone (UTC when it has none), as /api/analytics/patterns places hours. Linked near-duplicate legs do not count. Unknown parameters are refused.`,
    query: targetCellsQuerySchema,
    queryDocs: {
      caseId: "The case (required).",
      target: "The target, as the case's target list names it (required).",
      limit: "At most this many cells, the most frequent first (default 1000).",
      hourCells: "byHour covers this many of the most frequent cells (default 20).",
    },
    success: { status: 200, description: "The cells.", schema: targetCellsResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getTargetCellCalls",
    method: "get",
    path: "/api/analytics/cell-calls",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "First and last cell of a target's calls",
    description: `The target's records that name a first or last cell, in time order (then id), each with both cells as stored and where the case's list places them (null when it does not). ${PLACED} Linked near-duplicate legs are left out. Unknown parameters are refused.`,
    query: cellCallsQuerySchema,
    queryDocs: {
      caseId: "The case (required).",
      target: "The target (required).",
      from: "Records starting at or after this date (YYYY-MM-DD, UTC midnight) or date-time.",
      to: "Records starting at or before this date (its whole day, UTC) or date-time.",
      limit: "At most this many records, the earliest first (default 500, at most 10000).",
    },
    success: { status: 200, description: "The records, `truncated` when more exist.", schema: cellCallsResponseSchema },
    errors: { 404: NO_CASE },
  },
];
