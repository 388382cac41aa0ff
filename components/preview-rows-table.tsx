import type { PreviewRow } from "@/lib/schemas/responses";
import { formatDuration } from "@/lib/client/format";
import styles from "./preview-rows-table.module.css";

/** The first rows as they would load; a row that would be rejected shows why, in place. */
export function PreviewRowsTable({ rows }: { rows: readonly PreviewRow[] }) {
  if (rows.length === 0) return <p className="card-body muted">The file has no data rows to preview.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="preview-table">
        <thead>
          <tr>
            <th scope="col" className="num">Line</th>
            <th scope="col">Start (UTC)</th>
            <th scope="col" className="num">Duration</th>
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
                <td className={styles.mono}>{row.record.start_time}</td>
                <td className="num">{formatDuration(row.record.duration_seconds)}</td>
                <td className={styles.mono}>{row.record.caller ?? "—"}</td>
                <td className={styles.mono}>{row.record.callee ?? "—"}</td>
                <td>{row.record.direction ?? "—"}</td>
                <td>{row.record.record_type}</td>
                <td className={styles.mono}>{row.record.target ?? "—"}</td>
              </tr>
            ) : (
              <tr key={row.line} data-testid="preview-row" data-valid="false" className={styles.invalid}>
                <td className="num">{row.line}</td>
                <td colSpan={7}>
                  <strong>{row.error?.field ? `${row.error.field}: ` : ""}{row.error?.message ?? "Invalid row"}</strong>
                  <div className="raw">{row.raw}</div>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
