import { z } from "zod";
import { caseIdSchema } from "./case";
import { recordTypeSchema } from "./fields";

/**
 * Analytics over a case (issue 21). Each answer is computed in the database from the per-case
 * `contacts` table the post-load keeps, never by reading records into the server.
 */

/** GET /api/analytics/common-contacts: one case (required), how many targets make a contact common, how many contacts. */
export const commonContactsQuerySchema = z.object({
  caseId: caseIdSchema,
  /** A contact is common when at least this many targets of the case talk to it (2 or more). */
  minTargets: z.coerce.number().int().min(2).max(1_000_000).default(2),
  /** At most this many contacts, the most shared first. */
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});
export type CommonContactsQuery = z.infer<typeof commonContactsQuerySchema>;

/** One target's share of a common contact: its calls + messages with the number, the first and last of them. */
export const commonContactTargetSchema = z.object({ target: z.string(), events: z.number(), first: z.string(), last: z.string() });
export type CommonContactTarget = z.infer<typeof commonContactTargetSchema>;

/**
 * A number two or more targets of the case talk to: `number` as contacts name it (E.164, else the
 * raw value), its party `kind` (e164 for phone numbers), each target's share (most events first)
 * and `events`, the sum over the targets.
 */
export const commonContactSchema = z.object({ number: z.string(), kind: z.string(), targets: z.array(commonContactTargetSchema), events: z.number() });
export type CommonContact = z.infer<typeof commonContactSchema>;

/** Most targets first, then most events, then by number. */
export const commonContactsResponseSchema = z.object({ contacts: z.array(commonContactSchema) });
export type CommonContactsResponse = z.infer<typeof commonContactsResponseSchema>;

/** GET /api/analytics/patterns and /api/analytics/devices: one case (required) and one of its targets. */
export const targetAnalyticsQuerySchema = z.object({
  caseId: caseIdSchema,
  /** The target as the case's records name it (the contacts page's target list). */
  target: z.string().trim().min(1, "Choose a target.").max(256),
});
export type TargetAnalyticsQuery = z.infer<typeof targetAnalyticsQuerySchema>;

/**
 * One hour of one weekday in the case's display time zone: `weekday` 1 (Monday) – 7 (Sunday), ISO;
 * `hour` 0–23 local. `calls` + `messages` = every event; `incoming` and `outgoing` count the events
 * with that direction (events without one count in neither).
 */
export const patternCellSchema = z.object({
  weekday: z.number().int().min(1).max(7),
  hour: z.number().int().min(0).max(23),
  calls: z.number(),
  messages: z.number(),
  incoming: z.number(),
  outgoing: z.number(),
});
export type PatternCell = z.infer<typeof patternCellSchema>;

/** One local day with events: `day` the local date (YYYY-MM-DD), `first` and `last` its first and last events as stored (ISO-8601 UTC). */
export const patternDaySchema = z.object({ day: z.string(), first: z.string(), last: z.string() });
export type PatternDay = z.infer<typeof patternDaySchema>;

/**
 * Patterns of life of one target: `timezone` the case's display zone (UTC when it has none), the
 * 7 × 24 `cells` (every one, Monday 00:00 first), and `days` in date order.
 */
export const patternsResponseSchema = z.object({ timezone: z.string(), cells: z.array(patternCellSchema), days: z.array(patternDaySchema) });
export type PatternsResponse = z.infer<typeof patternsResponseSchema>;

/** One handset + SIM pair a target used: IMEI and IMSI as digits (either may be null), its first and last event and how many. */
export const targetDeviceSchema = z.object({ imei: z.string().nullable(), imsi: z.string().nullable(), first: z.string(), last: z.string(), events: z.number() });
export type TargetDevice = z.infer<typeof targetDeviceSchema>;

/**
 * A device or SIM change: the pair first used at `at` (`to`), and the handset and SIM last known
 * before it (`from`); `imeiChanged` / `imsiChanged` say which side differs (a side unknown on either never counts as a change).
 */
export const deviceChangeSchema = z.object({
  at: z.string(),
  from: z.object({ imei: z.string().nullable(), imsi: z.string().nullable() }),
  to: z.object({ imei: z.string().nullable(), imsi: z.string().nullable() }),
  imeiChanged: z.boolean(),
  imsiChanged: z.boolean(),
});
export type DeviceChange = z.infer<typeof deviceChangeSchema>;

/** The target's devices by first use, and the changes between consecutive ones. */
export const devicesResponseSchema = z.object({ devices: z.array(targetDeviceSchema), changes: z.array(deviceChangeSchema) });
export type DevicesResponse = z.infer<typeof devicesResponseSchema>;

/** A YYYY-MM-DD date or an ISO date-time with an offset, read as UTC. */
const graphInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/**
 * GET /api/analytics/graph (issue 21, the link chart): one case (required), the answer's format,
 * and filters. `from`/`to` are inclusive; a date `to` includes its whole day (UTC). Unknown
 * parameters are refused (400) rather than ignored, so a misspelt filter never shows the whole case.
 */
export const caseGraphQuerySchema = z
  .object({
    caseId: caseIdSchema,
    format: z.enum(["json", "graphml", "neo4j"]).default("json"),
    from: graphInstant.optional(),
    to: graphInstant.optional(),
    type: recordTypeSchema.optional(),
    /** Edges with fewer events (calls + messages) are left out; 0 keeps data-only edges. */
    minWeight: z.coerce.number().int().min(0).max(1_000_000_000).default(1),
    /** At most this many edges, the heaviest first. */
    limit: z.coerce.number().int().min(1).max(20_000).default(2000),
  })
  .strict()
  .refine((q) => !q.from || !q.to || graphRangeStart(q.from) <= graphRangeEnd(q.to), { path: ["from"], error: "from must not be after to: no record could match." });
export type CaseGraphQuery = z.infer<typeof caseGraphQuerySchema>;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Stored start times are `YYYY-MM-DDTHH:MM:SSZ` (whole seconds, UTC): bounds are written the same way, so text comparison orders them. */
const storedInstant = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

/** The first stored start time a `from` admits (a date: its midnight UTC; a date-time: rounded up to the second). */
export function graphRangeStart(from: string): string {
  return storedInstant(Math.ceil(Date.parse(DATE_ONLY.test(from) ? `${from}T00:00:00Z` : from) / 1000) * 1000);
}

/** The last stored start time a `to` admits (a date: its last second, UTC; a date-time: rounded down to the second). */
export function graphRangeEnd(to: string): string {
  return DATE_ONLY.test(to) ? `${to}T23:59:59Z` : storedInstant(Math.floor(Date.parse(to) / 1000) * 1000);
}

/**
 * A node: a target (kind "target") or a number a target talks to (its party kind, e164 for phone
 * numbers). `id` and `label` are the number; `target` is true for the case's targets (a target
 * another target talks to is one node), `common` when two or more targets link to it in this
 * graph; `events` sums the weights of its edges here.
 */
export const graphNodeSchema = z.object({ id: z.string(), label: z.string(), kind: z.string(), target: z.boolean(), common: z.boolean(), events: z.number() });
export type GraphNode = z.infer<typeof graphNodeSchema>;

/** A target (`source`) and a number it talks to: calls (voice), messages (SMS/MMS), weight = calls + messages, first/last start time. */
export const graphEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  calls: z.number(),
  messages: z.number(),
  weight: z.number(),
  first: z.string(),
  last: z.string(),
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** The heaviest edges first (then by source, target); `truncated` when `limit` left some out. */
export const caseGraphResponseSchema = z.object({ nodes: z.array(graphNodeSchema), edges: z.array(graphEdgeSchema), truncated: z.boolean() });
export type CaseGraphResponse = z.infer<typeof caseGraphResponseSchema>;

/**
 * GET /api/analytics/report: one case (required), and optionally one of its targets — that
 * target's page alone, which the report page asks for target by target (a whole case of 1M
 * records is several seconds; one target's page a fraction of one). Unknown parameters are refused (400).
 */
export const caseReportQuerySchema = z.object({ caseId: caseIdSchema, target: z.string().trim().min(1).max(256).optional() }).strict();
export type CaseReportQuery = z.infer<typeof caseReportQuerySchema>;

/**
 * A target's counted events (linked near-duplicate legs left out): `records` = `calls` + `messages`
 * (calls are every type but SMS and MMS, as in the heat map), `incoming`/`outgoing` the events with
 * that direction, `first`/`last` the first and last start time (null when none is counted).
 */
export const reportCountsSchema = z.object({
  records: z.number(),
  calls: z.number(),
  messages: z.number(),
  incoming: z.number(),
  outgoing: z.number(),
  first: z.string().nullable(),
  last: z.string().nullable(),
});
export type ReportCounts = z.infer<typeof reportCountsSchema>;

/** One of a target's top contacts, as the contacts table has it (kind e164 for phone numbers). */
export const reportContactSchema = z.object({ number: z.string(), kind: z.string(), calls: z.number(), messages: z.number(), first: z.string(), last: z.string() });
export type ReportContact = z.infer<typeof reportContactSchema>;

/** A silence in the target's timeline: from, to, its length in seconds and how many times the target's usual gap it is. */
export const reportGapSchema = z.object({ from: z.string(), to: z.string(), seconds: z.number(), ratio: z.number() });
export type ReportGap = z.infer<typeof reportGapSchema>;

/** One target's page of the report: counts, top 10 contacts (most calls, then messages), heat map, gaps in time order, devices. */
export const reportTargetSchema = z.object({
  target: z.string(),
  counts: reportCountsSchema,
  topContacts: z.array(reportContactSchema),
  patterns: patternsResponseSchema.pick({ timezone: true, cells: true }),
  gaps: z.array(reportGapSchema),
  devices: devicesResponseSchema,
});
export type ReportTarget = z.infer<typeof reportTargetSchema>;

/** The case report (issue 21): the case, when the report was made (ISO-8601 UTC), and one entry per target in target order. */
export const caseReportResponseSchema = z.object({
  case: z.object({ id: z.number(), name: z.string(), displayTimezone: z.string().nullable() }),
  generatedAt: z.string(),
  targets: z.array(reportTargetSchema),
});
export type CaseReportResponse = z.infer<typeof caseReportResponseSchema>;

/** The least a gap threshold may ask for: candidates below an hour are not stored (lib/ingest/timeline-gaps.ts CANDIDATE_GAP_SECONDS). */
export const MIN_GAP_THRESHOLD_SECONDS = 3600;

/** GET /api/analytics/gaps: one case (required); unknown parameters are refused (400). */
export const caseGapsQuerySchema = z.object({ caseId: caseIdSchema }).strict();
export type CaseGapsQuery = z.infer<typeof caseGapsQuerySchema>;

/** GET/PUT/DELETE /api/analytics/gap-threshold: one case and one of its targets; unknown parameters are refused (400). */
export const gapThresholdQuerySchema = targetAnalyticsQuerySchema.strict();
export type GapThresholdQuery = z.infer<typeof gapThresholdQuerySchema>;

/**
 * PUT /api/analytics/gap-threshold: report the target's silences of at least `minSeconds` (an hour
 * or more) and `minRatio` × its usual interval (1 or more); `{reset: true}` returns it to the default.
 */
export const gapThresholdBodySchema = z.union([
  z.object({ reset: z.literal(true) }).strict(),
  z
    .object({
      minSeconds: z
        .number()
        .int()
        .min(MIN_GAP_THRESHOLD_SECONDS, "A gap must be at least an hour long.")
        .max(366 * 86400, "A gap of more than a year would never be reported."),
      minRatio: z.number().min(1, "A gap must be at least the usual interval (1×).").max(1_000_000),
    })
    .strict(),
]);
export type GapThresholdBody = z.infer<typeof gapThresholdBodySchema>;

/** A target's threshold in a case; `isDefault` when the analyst set none (24 h and 8×); `updatedAt` when it was set (null: default). */
export const gapThresholdSchema = z.object({ target: z.string(), minSeconds: z.number(), minRatio: z.number(), isDefault: z.boolean(), updatedAt: z.string().nullable() });
export type GapThresholdDto = z.infer<typeof gapThresholdSchema>;

/** A reported silence of a target, found across every file of the target in the case. */
export const caseGapSchema = reportGapSchema.extend({ target: z.string() });
export type CaseGap = z.infer<typeof caseGapSchema>;

/** The case's reported gaps (target, then time order), each under its target's threshold, and every target's threshold. */
export const caseGapsResponseSchema = z.object({ gaps: z.array(caseGapSchema), thresholds: z.array(gapThresholdSchema) });
export type CaseGapsResponse = z.infer<typeof caseGapsResponseSchema>;
