import { z } from "zod";
import { caseIdSchema } from "./case";

/**
 * Devices and cells (issue 21): a case's cell-site list, a target's cells by frequency and by hour,
 * and the first/last cell of its calls for the map. Cells are named as the records name them;
 * a cell is "located" when the case's list has it, or its whole site (lib/cell-sites/cell-key.ts).
 */

/** A place on the map (decimal degrees). */
export const latLonSchema = z.object({ lat: z.number(), lon: z.number() });
export type LatLon = z.infer<typeof latLonSchema>;

/** Where a cell's antenna is, from the case's list: azimuth/beamwidth in degrees (null: not given; no azimuth = omni). */
export const cellSiteLocationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  azimuth: z.number().nullable(),
  beamwidth: z.number().nullable(),
  label: z.string().nullable(),
});
export type CellSiteLocation = z.infer<typeof cellSiteLocationSchema>;

/** One entry of a case's cell-site list: `cell` its normalized key ("55303-1"; "55303" for a whole site). */
export const cellSiteSchema = cellSiteLocationSchema.extend({
  cell: z.string(),
  site: z.string().nullable(),
  sector: z.string().nullable(),
  sourceName: z.string(),
});
export type CellSiteDto = z.infer<typeof cellSiteSchema>;

/** GET /api/cases/:id/cell-sites: the case's list, by cell, and how many entries it has. */
export const cellSiteListResponseSchema = z.object({ count: z.number(), sites: z.array(cellSiteSchema) });
export type CellSiteListResponse = z.infer<typeof cellSiteListResponseSchema>;

/** GET /api/cases/:id/cell-sites query: at most `limit` entries (the count is always the whole list's). */
export const cellSiteListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100_000).default(10_000) }).strict();

/** A row of an uploaded list that could not be used: its line (or Excel row) and why. */
export const rejectedCellRowSchema = z.object({ line: z.number(), reason: z.string() });

/**
 * POST /api/cases/:id/cell-sites: `rows` data rows read = `loaded` + `rejected.length`; `replaced`
 * of the loaded cells were already in the case's list (their entries were replaced); `count` the
 * case's list afterwards. `rejected` lists at most 1000 rows (`rejectedCount` all of them).
 */
export const cellSiteUploadResponseSchema = z.object({
  fileName: z.string(),
  headerLine: z.number(),
  sheet: z.string().nullable(),
  rows: z.number(),
  loaded: z.number(),
  replaced: z.number(),
  rejectedCount: z.number(),
  rejected: z.array(rejectedCellRowSchema),
  count: z.number(),
});
export type CellSiteUploadResponse = z.infer<typeof cellSiteUploadResponseSchema>;

/** GET /api/analytics/cells: one case and one of its targets; unknown parameters are refused (400). */
export const targetCellsQuerySchema = z
  .object({
    caseId: caseIdSchema,
    target: z.string().trim().min(1, "Choose a target.").max(256),
    /** At most this many cells, the most frequent first. */
    limit: z.coerce.number().int().min(1).max(5000).default(1000),
    /** `byHour` covers this many of the most frequent cells. */
    hourCells: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type TargetCellsQuery = z.infer<typeof targetCellsQuerySchema>;

/**
 * A cell of the target's records: `events` the records whose first or last cell it is (once each),
 * `firstEvents`/`lastEvents` those it is the first / the last cell of, `first`/`last` the first and
 * last of their start times, `site` where the case's list places it (null: not in the list).
 */
export const targetCellSchema = z.object({
  cell: z.string(),
  events: z.number(),
  firstEvents: z.number(),
  lastEvents: z.number(),
  first: z.string(),
  last: z.string(),
  site: cellSiteLocationSchema.nullable(),
});
export type TargetCell = z.infer<typeof targetCellSchema>;

/** Events of one cell in one local hour (0–23, the case's display zone). */
export const cellHourSchema = z.object({ hour: z.number().int().min(0).max(23), cell: z.string(), events: z.number() });
export type CellHour = z.infer<typeof cellHourSchema>;

/**
 * A target's cells, most events first (then by cell); `byHour` the non-zero (hour, cell) counts of
 * the `hourCells` most frequent; `located`/`unlocated` how many of the listed cells the case's list
 * places or not; `truncated` when `limit` left cells out.
 */
export const targetCellsResponseSchema = z.object({
  timezone: z.string(),
  cells: z.array(targetCellSchema),
  byHour: z.array(cellHourSchema),
  located: z.number(),
  unlocated: z.number(),
  truncated: z.boolean(),
});
export type TargetCellsResponse = z.infer<typeof targetCellsResponseSchema>;

/** A YYYY-MM-DD date or an ISO date-time with an offset. */
const instant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** GET /api/analytics/cell-calls: a target's records with a cell, in time order; from/to inclusive (a date `to`: its whole day, UTC). */
export const cellCallsQuerySchema = z
  .object({
    caseId: caseIdSchema,
    target: z.string().trim().min(1, "Choose a target.").max(256),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(10_000).default(500),
  })
  .strict();
export type CellCallsQuery = z.infer<typeof cellCallsQuerySchema>;

/** One record with its first and last cell as stored, and where the case's list places each (null: not placed). */
export const cellCallSchema = z.object({
  id: z.number(),
  start: z.string(),
  caller: z.string().nullable(),
  callee: z.string().nullable(),
  cellFirst: z.string().nullable(),
  cellLast: z.string().nullable(),
  first: latLonSchema.nullable(),
  last: latLonSchema.nullable(),
});
export type CellCall = z.infer<typeof cellCallSchema>;

/** The records in time order (then id); `truncated` when `limit` left later ones out. */
export const cellCallsResponseSchema = z.object({ calls: z.array(cellCallSchema), truncated: z.boolean() });
export type CellCallsResponse = z.infer<typeof cellCallsResponseSchema>;

/** DELETE /api/cases/:id/cell-sites: how many entries the list had. */
export const cellSiteClearResponseSchema = z.object({ deleted: z.number() });
