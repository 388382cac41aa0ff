import { Prisma } from "../../generated/prisma-sqlite/client";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { graphRangeEnd, graphRangeStart } from "../schemas/analytics";
import type { CellCallsQuery, CellCallsResponse, CellHour, TargetCellsQuery, TargetCellsResponse } from "../schemas/cells";
import { NO_SUCH_CASE } from "./case-access";
import { placeCells } from "./cell-sites";
import { localClock } from "./patterns-of-life";

/**
 * Cells of one target in one case (issue 21), computed in the database with the same SQL on SQLite
 * and PostgreSQL over the (case_id, target, start_time) index. A record counts for its first cell
 * and, when different, its last cell; linked near-duplicate legs (duplicate_of set) do not count,
 * as in the timeline. Cells are grouped as the records spell them (so /records?cell= finds them);
 * the case's cell-site list places them (placeCells), looked up for just the cells answered.
 */

interface CellRow {
  cell: string;
  events: number | bigint;
  first_events: number | bigint;
  last_events: number | bigint;
  first: string;
  last: string;
}

const n = (v: number | bigint | null) => Number(v ?? 0);

/** One row per (record, distinct cell of it): the first cell, and the last cell when it differs. */
const cellLegs = (caseId: number, target: string) => Prisma.sql`
  SELECT cell_first AS cell, 1 AS is_first, CASE WHEN cell_last = cell_first THEN 1 ELSE 0 END AS is_last, start_time
  FROM call_records
  WHERE case_id = ${caseId} AND target = ${target} AND duplicate_of IS NULL AND cell_first IS NOT NULL AND cell_first <> ''
  UNION ALL
  SELECT cell_last AS cell, 0 AS is_first, 1 AS is_last, start_time
  FROM call_records
  WHERE case_id = ${caseId} AND target = ${target} AND duplicate_of IS NULL AND cell_last IS NOT NULL AND cell_last <> ''
    AND (cell_first IS NULL OR cell_first <> cell_last)`;

/**
 * The target's cells by frequency, and by local hour for the most frequent. By hour, as in
 * targetPatterns: the database groups by UTC hour (substr(start_time, 1, 13)) and Node folds each
 * into the local hour of the case's display zone (exact for whole-hour offsets).
 */
export async function targetCells(db: Db, q: TargetCellsQuery): Promise<TargetCellsResponse> {
  const c = await db.case.findUnique({ where: { id: q.caseId }, select: { displayTimezone: true } });
  if (!c) throw new AppError("not_found", NO_SUCH_CASE);
  const timezone = c.displayTimezone ?? "UTC";
  const legs = cellLegs(q.caseId, q.target);
  const rows = await db.$queryRaw<CellRow[]>`
    SELECT cell, COUNT(*) AS events, SUM(is_first) AS first_events, SUM(is_last) AS last_events, MIN(start_time) AS first, MAX(start_time) AS last
    FROM (${legs}) legs
    GROUP BY cell
    ORDER BY COUNT(*) DESC, cell
    LIMIT ${q.limit + 1}`;
  const truncated = rows.length > q.limit;
  // Ties in code-point order on both engines (PostgreSQL's collation may order "21045-1" apart from SQLite's).
  const kept = rows.slice(0, q.limit).sort((a, b) => n(b.events) - n(a.events) || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
  const placed = await placeCells(
    db,
    q.caseId,
    kept.map((r) => r.cell),
  );
  const cells = kept.map((r) => ({
    cell: r.cell,
    events: n(r.events),
    firstEvents: n(r.first_events),
    lastEvents: n(r.last_events),
    first: r.first,
    last: r.last,
    site: placed.get(r.cell) ?? null,
  }));
  const located = cells.filter((x) => x.site).length;
  return { timezone, cells, byHour: await cellsByHour(db, legs, timezone, cells.slice(0, q.hourCells).map((x) => x.cell)), located, unlocated: cells.length - located, truncated };
}

async function cellsByHour(db: Db, legs: Prisma.Sql, timezone: string, top: string[]): Promise<CellHour[]> {
  if (top.length === 0) return [];
  const rows = await db.$queryRaw<{ hour: string; cell: string; events: number | bigint }[]>`
    SELECT substr(start_time, 1, 13) AS hour, cell, COUNT(*) AS events
    FROM (${legs}) legs
    WHERE cell IN (${Prisma.join(top)})
    GROUP BY substr(start_time, 1, 13), cell`;
  const local = localClock(timezone);
  const counts = new Map<string, number>();
  for (const r of rows) {
    const start = Date.parse(`${r.hour}:00:00Z`);
    if (Number.isNaN(start)) continue; // not an ISO start time: no hour to place it in
    const key = `${local(start).hour}|${r.cell}`;
    counts.set(key, (counts.get(key) ?? 0) + n(r.events));
  }
  const order = new Map(top.map((cell, i) => [cell, i]));
  return [...counts.entries()]
    .map(([key, events]) => {
      const cut = key.indexOf("|");
      return { hour: Number(key.slice(0, cut)), cell: key.slice(cut + 1), events };
    })
    .sort((a, b) => a.hour - b.hour || order.get(a.cell)! - order.get(b.cell)!);
}

/** The target's records with a first or last cell, in time order, each cell placed by the case's list (for the map's lines). */
export async function targetCellCalls(db: Db, q: CellCallsQuery): Promise<CellCallsResponse> {
  const startTime = { ...(q.from ? { gte: graphRangeStart(q.from) } : {}), ...(q.to ? { lte: graphRangeEnd(q.to) } : {}) };
  const rows = await db.callRecord.findMany({
    where: {
      caseId: q.caseId,
      target: q.target,
      duplicateOf: null,
      OR: [{ cellFirst: { not: null } }, { cellLast: { not: null } }],
      ...(q.from || q.to ? { startTime } : {}),
    },
    select: { id: true, startTime: true, caller: true, callee: true, cellFirst: true, cellLast: true },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    take: q.limit + 1,
  });
  const truncated = rows.length > q.limit;
  const kept = rows.slice(0, q.limit);
  const cells = new Set<string>();
  for (const r of kept) {
    if (r.cellFirst) cells.add(r.cellFirst);
    if (r.cellLast) cells.add(r.cellLast);
  }
  const placed = await placeCells(db, q.caseId, cells);
  const at = (cell: string | null) => {
    const s = cell ? placed.get(cell) : undefined;
    return s ? { lat: s.latitude, lon: s.longitude } : null;
  };
  return {
    calls: kept.map((r) => ({ id: r.id, start: r.startTime, caller: r.caller, callee: r.callee, cellFirst: r.cellFirst, cellLast: r.cellLast, first: at(r.cellFirst), last: at(r.cellLast) })),
    truncated,
  };
}
