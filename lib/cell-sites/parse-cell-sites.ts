import { rowCellKey, siteKeyOf } from "./cell-key";
import { parseAngle, parseDegrees } from "./coordinates";
import { HEADER_SEARCH_ROWS, headerOf, type HeaderColumns } from "./header";
import { decodeText, readTextTable, readWorkbookTables, tableKind, type TableRow } from "./read-table";

/** One usable row of a cell-site list: its normalized key and where the antenna is. */
export interface ParsedCellSite {
  line: number;
  /** Normalized key (cell-key.ts): "55303-1", or "55303" for a whole site. */
  cell: string;
  site: string | null;
  sector: string | null;
  latitude: number;
  longitude: number;
  azimuth: number | null;
  beamwidth: number | null;
  label: string | null;
}

/** A row that could not be used, and why (a sentence fragment: "latitude "abc" is not a number of degrees"). */
export interface RejectedRow {
  line: number;
  reason: string;
}

/** The list read: `rows` data rows = sites + rejected (blank rows are not data rows). */
export interface CellSiteList {
  headerLine: number;
  sheet: string | null;
  rows: number;
  sites: ParsedCellSite[];
  rejected: RejectedRow[];
}

/** A list that cannot be used at all; the message is for the person who uploaded it. */
export class CellSiteListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CellSiteListError";
  }
}

const HEADER_HELP = "a header row with a cell (Cell ID, CI, LAC-CI, CGI) or site (Site ID, eNodeB) column, Latitude and Longitude";

/** Rows between yields to the event loop, so a long list does not hold the server's thread in one piece. */
const ROWS_PER_SLICE = 5000;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a carrier's cell-site list (CSV, TSV, semicolon or pipe text, or an xlsx workbook: its
 * first sheet with a recognizable header). Title lines before the header are skipped. Each data
 * row becomes a site or a rejected row with its line and reason; a cell given twice keeps its
 * first row. Throws CellSiteListError when the file has no header or no usable row.
 */
export async function parseCellSiteList(bytes: Uint8Array): Promise<CellSiteList> {
  const kind = tableKind(bytes);
  if (kind === "xls") throw new CellSiteListError("This is an old Excel (.xls) workbook: save it as .xlsx or CSV and upload that.");
  const tables: { name: string | null; rows: TableRow[] }[] = [];
  if (kind === "xlsx") {
    try {
      tables.push(...(await readWorkbookTables(bytes)));
    } catch (err) {
      throw new CellSiteListError(`This Excel workbook could not be read (${err instanceof Error ? err.message.slice(0, 120) : "damaged"}).`);
    }
  } else {
    const text = decodeText(bytes);
    if (text.includes("\u0000")) throw new CellSiteListError("This file is not a text or Excel cell-site list.");
    tables.push({ name: null, rows: readTextTable(text) });
  }
  for (const t of tables) {
    const at = t.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => headerOf(r.cells) !== null);
    if (at < 0) continue;
    const header = headerOf(t.rows[at]!.cells)!;
    const list = await readSites(t.rows.slice(at + 1), header);
    const result: CellSiteList = { headerLine: t.rows[at]!.line, sheet: t.name, ...list };
    if (result.sites.length === 0) {
      const first = result.rejected[0];
      throw new CellSiteListError(
        result.rows === 0
          ? "The cell-site list has a header but no rows under it."
          : `None of the ${result.rows} rows of the cell-site list could be used${first ? ` (line ${first.line}: ${first.reason})` : ""}.`,
      );
    }
    return result;
  }
  throw new CellSiteListError(`No cell-site header was found in the first ${HEADER_SEARCH_ROWS} rows: the list needs ${HEADER_HELP}.`);
}

async function readSites(rows: TableRow[], h: HeaderColumns): Promise<Omit<CellSiteList, "headerLine" | "sheet">> {
  const sites: ParsedCellSite[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    if (i > 0 && i % ROWS_PER_SLICE === 0) await yieldToLoop();
    const { line, cells } = rows[i]!;
    if (cells.every((c) => c.trim() === "")) continue; // a blank line is not a row
    count++;
    const row = siteOfRow(cells, h);
    if ("reason" in row) {
      rejected.push({ line, reason: row.reason });
      continue;
    }
    const earlier = seen.get(row.cell);
    if (earlier !== undefined) {
      rejected.push({ line, reason: `cell ${row.cell} was already given on line ${earlier}` });
      continue;
    }
    seen.set(row.cell, line);
    sites.push({ line, ...row });
  }
  return { rows: count, sites, rejected };
}

const at = (cells: readonly string[], i: number | null) => (i === null ? "" : (cells[i] ?? "").trim());

function siteOfRow(cells: readonly string[], h: HeaderColumns): Omit<ParsedCellSite, "line"> | { reason: string } {
  const cell = rowCellKey(at(cells, h.cell) || null, at(cells, h.site) || null, at(cells, h.sector) || null);
  if (!cell) return { reason: "no cell or site id" };
  const lat = parseDegrees(at(cells, h.latitude), "latitude");
  if ("error" in lat) return { reason: lat.error };
  const lon = parseDegrees(at(cells, h.longitude), "longitude");
  if ("error" in lon) return { reason: lon.error };
  if (lat.value === 0 && lon.value === 0) return { reason: "latitude and longitude are both 0 (no location)" };
  const azimuth = parseAngle(at(cells, h.azimuth), "azimuth");
  if (azimuth && "error" in azimuth) return { reason: azimuth.error };
  const beamwidth = parseAngle(at(cells, h.beamwidth), "beamwidth");
  if (beamwidth && "error" in beamwidth) return { reason: beamwidth.error };
  const label = h.label.map((i) => at(cells, i)).filter((t) => t !== "");
  const site = siteKeyOf(cell);
  return {
    cell,
    site: site ?? cell,
    sector: site ? cell.slice(site.length + 1) : null,
    latitude: lat.value,
    longitude: lon.value,
    azimuth: azimuth ? azimuth.value : null,
    beamwidth: beamwidth ? beamwidth.value : null,
    label: label.length ? label.join(", ").slice(0, 300) : null,
  };
}
