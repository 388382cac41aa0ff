import type { PreviewRow } from "@/lib/schemas/responses";
import { formatDuration } from "@/lib/client/format";
import { PartyCell } from "./party-cell";
import { RepairedMarker } from "./repaired-marker";
import { firstLineOfSameError, groupPreviewErrors, lineRanges } from "@/lib/client/preview-error-groups";
import styles from "./preview-rows-table.module.css";

/**
 * The first rows as they would load; a row that would be rejected shows why, in place. A party
 * that is no phone number shows as written with its kind, so the reviewer sees what the region
 * and the mapping make of it; an unknown duration is "—".
 */
export function PreviewRowsTable({ rows }: { rows: readonly PreviewRow[] }) {
  if (rows.length === 0) return <p className="card-body muted">The file has no data rows to preview.</p>;
  const groups = groupPreviewErrors(rows);
  const sameAs = firstLineOfSameError(rows);
  return (
    <>
      {groups.length > 0 && (
        <ul className={styles.groups} data-testid="preview-error-groups" aria-label="Why rows would be rejected">
          {groups.map((g) => (
            <li key={g.text} data-testid="preview-error-group">
              <strong>{g.lines.length === 1 ? "1 row" : `${g.lines.length} rows`}</strong> — {g.text}{" "}
              <span className="muted">
                (line{g.lines.length === 1 ? "" : "s"} {lineRanges(g.lines)})
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table className="table" data-testid="preview-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Start (UTC)</th>
              <th scope="col" className="num">
                Duration
              </th>
              <th scope="col">Caller</th>
              <th scope="col">Callee</th>
              <th scope="col">Direction</th>
              <th scope="col">Type</th>
              <th scope="col">Target</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.record ? (
                <tr key={row.line} data-testid="preview-row" data-valid="true">
                  <td className="num muted">{row.line}</td>
                  <td className={styles.mono}>
                    {row.record.start_time}
                    {row.record.repaired && <RepairedMarker />}
                  </td>
                  <td className="num">{formatDuration(row.record.duration_seconds)}</td>
                  <td>
                    <PartyCell value={row.record.caller} kind={row.record.caller_kind} raw={row.record.caller_raw} />
                  </td>
                  <td>
                    <PartyCell value={row.record.callee} kind={row.record.callee_kind} raw={row.record.callee_raw} />
                  </td>
                  <td>{row.record.direction ?? "—"}</td>
                  <td>{row.record.record_type}</td>
                  <td>
                    <PartyCell value={row.record.target} kind={row.record.target_kind} raw={row.record.target_raw} />
                  </td>
                </tr>
              ) : (
                <tr key={row.line} data-testid="preview-row" data-valid="false" className={styles.invalid}>
                  <td className="num">{row.line}</td>
                  <td colSpan={7}>
                    {sameAs.has(row.line) ? (
                      <span className="muted">Same reason as line {sameAs.get(row.line)}</span>
                    ) : (
                      <strong>
                        {row.error?.field ? `${row.error.field}: ` : ""}
                        {row.error?.message ?? "Invalid row"}
                      </strong>
                    )}
                    <div className="raw">{row.raw}</div>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
