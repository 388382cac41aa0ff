import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { lookupKeys } from "../cell-sites/cell-key";
import { CellSiteListError, parseCellSiteList, type ParsedCellSite } from "../cell-sites/parse-cell-sites";
import type { CellSiteListResponse, CellSiteLocation, CellSiteUploadResponse } from "../schemas/cells";

/**
 * A case's cell-site list (issue 21): an analyst uploads the carrier's list of cell id → latitude,
 * longitude, azimuth; each upload is merged into the case's list, its entries replacing those with
 * the same cell key. Callers check case access (route `caseAccess: "case"`).
 */

/** Entries per statement: far under SQLite's bound-parameter limit at 11 columns a row. */
const CHUNK = 500;
/** Rejected rows sent back in full; the count covers the rest. */
const REJECTED_SHOWN = 1000;

/** Reads an uploaded list (CSV/TSV/XLSX bytes) and merges it into the case's list; a list with no usable row is a 400 with the reason. */
export async function uploadCellSiteList(db: Db, caseId: number, bytes: Uint8Array, fileName: string): Promise<CellSiteUploadResponse> {
  let list;
  try {
    list = await parseCellSiteList(bytes);
  } catch (err) {
    if (err instanceof CellSiteListError) throw new AppError("bad_request", err.message);
    throw err;
  }
  const replaced = await mergeCellSites(db, caseId, list.sites, fileName);
  return {
    fileName,
    headerLine: list.headerLine,
    sheet: list.sheet,
    rows: list.rows,
    loaded: list.sites.length,
    replaced,
    rejectedCount: list.rejected.length,
    rejected: list.rejected.slice(0, REJECTED_SHOWN),
    count: await db.cellSite.count({ where: { caseId } }),
  };
}

/**
 * Writes the entries, replacing the case's entries with the same cells, in one batch transaction
 * (Prisma's array form, which the SQLite adapter runs; not an interactive one). Returns how many
 * entries were replaced.
 */
export async function mergeCellSites(db: Db, caseId: number, sites: readonly ParsedCellSite[], sourceName: string): Promise<number> {
  let replaced = 0;
  const steps = [];
  for (let i = 0; i < sites.length; i += CHUNK) {
    const chunk = sites.slice(i, i + CHUNK);
    const cells = chunk.map((s) => s.cell);
    replaced += await db.cellSite.count({ where: { caseId, cell: { in: cells } } });
    steps.push(db.cellSite.deleteMany({ where: { caseId, cell: { in: cells } } }));
    steps.push(
      db.cellSite.createMany({
        data: chunk.map((s) => ({
          caseId,
          cell: s.cell,
          site: s.site,
          sector: s.sector,
          latitude: s.latitude,
          longitude: s.longitude,
          azimuth: s.azimuth,
          beamwidth: s.beamwidth,
          label: s.label,
          sourceName,
        })),
      }),
    );
  }
  await db.$transaction(steps);
  return replaced;
}

/** The case's list by cell key (at most `limit` entries) and its size. */
export async function listCellSites(db: Db, caseId: number, limit: number): Promise<CellSiteListResponse> {
  const [count, rows] = await Promise.all([
    db.cellSite.count({ where: { caseId } }),
    db.cellSite.findMany({
      where: { caseId },
      orderBy: { cell: "asc" },
      take: limit,
      select: { cell: true, site: true, sector: true, latitude: true, longitude: true, azimuth: true, beamwidth: true, label: true, sourceName: true },
    }),
  ]);
  return { count, sites: rows };
}

/** Empties the case's list; returns how many entries it had. */
export async function clearCellSites(db: Db, caseId: number): Promise<{ deleted: number }> {
  const { count } = await db.cellSite.deleteMany({ where: { caseId } });
  return { deleted: count };
}

/**
 * Where the case's list places each of the given cells (as records spell them): the entry of the
 * cell itself, else the entry of its whole site, else none. One query for the keys of just these
 * cells, never the whole list.
 */
export async function placeCells(db: Db, caseId: number, recordCells: Iterable<string>): Promise<Map<string, CellSiteLocation>> {
  const wanted = new Map<string, string[]>();
  for (const c of recordCells) if (!wanted.has(c)) wanted.set(c, lookupKeys(c));
  const keys = [...new Set([...wanted.values()].flat())];
  const byKey = new Map<string, CellSiteLocation>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.cellSite.findMany({
      where: { caseId, cell: { in: keys.slice(i, i + CHUNK) } },
      select: { cell: true, latitude: true, longitude: true, azimuth: true, beamwidth: true, label: true },
    });
    for (const { cell, ...loc } of rows) byKey.set(cell, loc);
  }
  const placed = new Map<string, CellSiteLocation>();
  for (const [cell, candidates] of wanted) {
    const hit = candidates.map((k) => byKey.get(k)).find((l) => l !== undefined);
    if (hit) placed.set(cell, hit);
  }
  return placed;
}
