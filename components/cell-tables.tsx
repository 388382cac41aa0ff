"use client";

import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime } from "@/lib/client/format";
import type { CellHour, TargetCell } from "@/lib/schemas/cells";
import styles from "./cell-tables.module.css";

/** "Cells by frequency": every cell of the target, most events first, each linking to its records. */
export function CellFrequencyTable({ caseId, cells }: { caseId: number; cells: TargetCell[] }) {
  if (cells.length === 0) return <p className="card-body muted">No record of this target names a cell.</p>;
  return (
    <div className={styles.scroll}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Cell</th>
            <th scope="col" className="num" title="Records whose first or last cell it is">
              Events
            </th>
            <th scope="col" className="num" title="Records that started on it">
              First
            </th>
            <th scope="col" className="num" title="Records that ended on it">
              Last
            </th>
            <th scope="col">Seen</th>
            <th scope="col">Site</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.cell} data-testid="cell-row" data-cell={c.cell} data-events={c.events}>
              <td>
                <Link href={hrefWithCase("/records", caseId, { cell: c.cell })}>{c.cell}</Link>
              </td>
              <td className="num">{formatCount(c.events)}</td>
              <td className="num">{formatCount(c.firstEvents)}</td>
              <td className="num">{formatCount(c.lastEvents)}</td>
              <td className={styles.when}>
                {formatDateTime(c.first)} – {formatDateTime(c.last)}
              </td>
              <td>
                {c.site ? (
                  <span title={`${c.site.latitude}, ${c.site.longitude}`}>
                    {c.site.label ?? `${c.site.latitude.toFixed(4)}, ${c.site.longitude.toFixed(4)}`}
                    {c.site.azimuth !== null && <span className="muted"> · {c.site.azimuth}°</span>}
                  </span>
                ) : (
                  <span className="muted">not in the list</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Hour of the day (case's display zone) × the most frequent cells: darker = more events. */
export function CellHourGrid({ cells, byHour, timezone, rows = 12 }: { cells: TargetCell[]; byHour: CellHour[]; timezone: string; rows?: number }) {
  const top = cells.slice(0, rows).map((c) => c.cell);
  const counts = new Map(byHour.map((h) => [`${h.hour}|${h.cell}`, h.events]));
  const max = Math.max(1, ...byHour.filter((h) => top.includes(h.cell)).map((h) => h.events));
  if (top.length === 0) return null;
  return (
    <div className={styles.scroll}>
      <table className={styles.grid} data-testid="cell-hour-grid" aria-label={`Events per hour of the day (${timezone}) on the most frequent cells`}>
        <thead>
          <tr>
            <th scope="col" className={styles.cellHead}>
              Cell
            </th>
            {HOURS.map((h) => (
              <th key={h} scope="col" className={styles.hour}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {top.map((cell) => (
            <tr key={cell}>
              <th scope="row" className={styles.cellHead}>
                {cell}
              </th>
              {HOURS.map((h) => {
                const n = counts.get(`${h}|${cell}`) ?? 0;
                return (
                  <td
                    key={h}
                    className={styles.square}
                    style={n ? { backgroundColor: `rgba(217, 72, 15, ${0.15 + 0.85 * (n / max)})` } : undefined}
                    title={`${cell}, ${h}:00–${h}:59: ${n} events`}
                    data-hour={h}
                    data-events={n}
                  >
                    {n || ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
