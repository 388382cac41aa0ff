import { commonContactsQuerySchema, commonContactsResponseSchema, devicesResponseSchema, patternsResponseSchema, targetAnalyticsQuerySchema } from "../schemas/analytics";
import { caseGraphQuerySchema, caseGraphResponseSchema, caseReportQuerySchema, caseReportResponseSchema } from "../schemas/analytics";
import { caseGapsQuerySchema, caseGapsResponseSchema, gapThresholdBodySchema, gapThresholdQuerySchema, gapThresholdSchema } from "../schemas/analytics";
import type { ApiOperation } from "./operation-types";

const NO_CASE = "There is no such case, or you are not a member.";
const THRESHOLD_QUERY_DOCS = { caseId: "The case (required).", target: "The target, as the case's target list names it (required)." };

/** Analyses of one case, computed in the database (issue 21). */
export const ANALYTICS_OPERATIONS: ApiOperation[] = [
  {
    id: "listCommonContacts",
    method: "get",
    path: "/api/analytics/common-contacts",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Common contacts of a case's targets",
    description:
      "Numbers that two or more targets of the case talk to, the most shared first (most targets, then most events, then by number), each with every target's events (calls + messages) and first and last contact. Counted from the case's contacts: linked near-duplicate legs and records without a target do not count; a target is never its own contact, so a target is a common contact when other targets talk to it.",
    query: commonContactsQuerySchema,
    queryDocs: {
      caseId: "The case (required).",
      minTargets: "How many targets must talk to a number for it to count (default 2).",
      limit: "At most this many numbers (default 100, at most 1000).",
    },
    success: { status: 200, description: "The common contacts, most shared first.", schema: commonContactsResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getTargetPatterns",
    method: "get",
    path: "/api/analytics/patterns",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Patterns of life of a target",
    description:
      "The target's events counted per hour of the day and day of the week (ISO weekday 1 = Monday … 7 = Sunday) in the case's display time zone (UTC when the case has none), every one of the 7 × 24 cells, with calls, messages, incoming and outgoing; and each local day's first and last event (as stored, ISO-8601 UTC). Records stay in UTC: each UTC hour is placed in the local hour its start falls in, with the offset in force then (daylight saving followed) — exact for whole-hour offsets, within the hour for zones with :30 or :45 offsets. Linked near-duplicate legs do not count.",
    query: targetAnalyticsQuerySchema,
    queryDocs: { caseId: "The case (required).", target: "The target, as the case's target list names it (required)." },
    success: { status: 200, description: "The heat map and the days.", schema: patternsResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getTargetDevices",
    method: "get",
    path: "/api/analytics/devices",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Handsets and SIMs of a target",
    description:
      "The IMEI + IMSI pairs the target's events carry (compared as digits; a 14-digit IMEI is its 15-digit form without the check digit), ordered by first use, each with its first and last event and how many; and the changes: each pair compared with the handset and SIM last known before it (the pairs first used earlier), listed at its first use when the IMEI (a new handset) or the IMSI (a new SIM) differs. A side missing is unknown, not a change. Linked near-duplicate legs do not count.",
    query: targetAnalyticsQuerySchema,
    queryDocs: { caseId: "The case (required).", target: "The target, as the case's target list names it (required)." },
    success: { status: 200, description: "The devices by first use and the changes.", schema: devicesResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getCaseGraph",
    method: "get",
    path: "/api/analytics/graph",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Link chart of a case: targets and their contacts as a graph",
    description:
      "The case's targets and the numbers they talk to as one graph: an edge per (target, number), weight = events (calls = voice records, messages = SMS/MMS; data sessions weigh nothing), first and last contact. Nodes are the edges' endpoints (a target another target talks to is one node), `common` when two or more targets link to it in the answer. Without from/to/type the edges are the case's contacts; with them they are counted from the records in range. Linked near-duplicate legs and records without a target never count. The heaviest `limit` edges of weight ≥ minWeight, `truncated` when more exist. format=graphml and format=neo4j are downloads, written to the audit log.",
    query: caseGraphQuerySchema,
    queryDocs: {
      caseId: "The case (required).",
      format: "`json` (default), `graphml` (GraphML for Gephi, i2, yEd) or `neo4j` (a zip of nodes.csv and relationships.csv in `neo4j-admin database import` header format).",
      from: "Records starting at or after this date (YYYY-MM-DD, UTC midnight) or date-time.",
      to: "Records starting at or before this date (its whole day, UTC) or date-time.",
      type: "Only records of this type: voice, sms, mms or data.",
      minWeight: "Leave out edges with fewer events (default 1; 0 keeps edges of data sessions only).",
      limit: "At most this many edges, the heaviest first (default 2000, at most 20000).",
    },
    success: {
      status: 200,
      description: "The graph (format=json), or the file as an attachment.",
      schema: caseGraphResponseSchema,
      content: {
        "application/graphml+xml": {
          type: "string",
          description:
            "GraphML with <key> declarations for the node attributes label, kind, target, common, events and the edge attributes calls, messages, weight, first, last (format=graphml).",
        },
        "application/zip": {
          type: "string",
          contentMediaType: "application/zip",
          description:
            "A zip of nodes.csv (`id:ID,label,kind,:LABEL`) and relationships.csv (`:START_ID,:END_ID,calls:int,messages:int,weight:int,first,last,:TYPE`) (format=neo4j).",
        },
      },
      headers: { "Content-Disposition": '`attachment; filename="switchyard-case-<id>-graph.graphml"` or `…-neo4j.zip` (file formats only).' },
    },
    errors: { 404: NO_CASE },
  },
  {
    id: "getCaseReport",
    method: "get",
    path: "/api/analytics/report",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Case report: one entry per target",
    description:
      "The figures of the printable case report, for every target of the case (in target order): counts of its events (records = calls + messages, calls being every type but SMS and MMS; incoming, outgoing; first and last start time), its top 10 contacts from the case's contacts (most calls, then most messages), the hour × weekday heat map in the case's display time zone (as /api/analytics/patterns), its timeline gaps in time order, and its devices and device changes (as /api/analytics/devices). Linked near-duplicate legs do not count. Unknown parameters are refused.",
    query: caseReportQuerySchema,
    queryDocs: { caseId: "The case (required)." },
    success: { status: 200, description: "The report.", schema: caseReportResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "listCaseGaps",
    method: "get",
    path: "/api/analytics/gaps",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Gaps across files of every target of a case",
    description:
      "The silences of every target of the case, found across all of the target's files, each under its target's threshold (target, then time order), and every target's threshold (`isDefault` when none was set). A silence is reported when it lasts at least the target's minimum (default 24 hours) and at least its ratio (default 8) times the target's median interval between events, both over every file of the target in the case; linked near-duplicate legs do not count. Gaps stored before the thresholds existed start at 24 hours until a file of the target is loaded again. Unknown parameters are refused.",
    query: caseGapsQuerySchema,
    queryDocs: { caseId: "The case (required)." },
    success: { status: 200, description: "The gaps and the thresholds.", schema: caseGapsResponseSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "getGapThreshold",
    method: "get",
    path: "/api/analytics/gap-threshold",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "A target's gap threshold",
    description:
      "The threshold the target's silences are reported by in the case: the analyst's, or the default (24 hours and 8×, `isDefault`). A silence is reported when it lasts at least the target's minimum (default 24 hours) and at least its ratio (default 8) times the target's median interval between events, both over every file of the target in the case; linked near-duplicate legs do not count.",
    query: gapThresholdQuerySchema,
    queryDocs: THRESHOLD_QUERY_DOCS,
    success: { status: 200, description: "The threshold.", schema: gapThresholdSchema },
    errors: { 404: NO_CASE },
  },
  {
    id: "setGapThreshold",
    method: "put",
    path: "/api/analytics/gap-threshold",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Set a target's gap threshold",
    description:
      "Reports the target's silences of at least `minSeconds` (3600 or more) and `minRatio` (1 or more) times its usual interval, at once for the timeline, the case's gaps and the report (nothing is reloaded); `{\"reset\": true}` returns it to the default. Members with the analyst or reviewer role in the case, and admins; written to the audit log.",
    query: gapThresholdQuerySchema,
    queryDocs: THRESHOLD_QUERY_DOCS,
    body: gapThresholdBodySchema,
    success: { status: 200, description: "The threshold now in force.", schema: gapThresholdSchema },
    errors: {
      400: "minSeconds under an hour, minRatio under 1, or an unknown field.",
      403: "Your role in the case may not change it, or the API token is read-only.",
      404: NO_CASE,
    },
  },
  {
    id: "resetGapThreshold",
    method: "delete",
    path: "/api/analytics/gap-threshold",
    tag: "Analytics",
    auth: "user",
    role: "analyst",
    summary: "Return a target's gap threshold to the default",
    description: 'The target\'s silences are reported by the default rule again (24 hours and 8×). As PUT with `{"reset": true}`; written to the audit log.',
    query: gapThresholdQuerySchema,
    queryDocs: THRESHOLD_QUERY_DOCS,
    success: { status: 200, description: "The default threshold.", schema: gapThresholdSchema },
    errors: { 403: "Your role in the case may not change it, or the API token is read-only.", 404: NO_CASE },
  },
];
