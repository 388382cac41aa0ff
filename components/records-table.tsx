import type { RecordDto } from "@/lib/schemas/api";
import { formatDuration } from "@/lib/client/format";
import styles from "./preview-rows-table.module.css";

export function RecordsTable({ records }: { records: readonly RecordDto[] }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Start (UTC)</th>
            <th scope="col" className="num">Duration</th>
            <th scope="col">Caller</th>
            <th scope="col">Callee</th>
            <th scope="col">Direction</th>
            <th scope="col">Type</th>
            <th scope="col">Target</th>
            <th scope="col">Cell</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-testid="record-row">
              <td className={styles.mono}>{r.start_time}</td>
              <td className="num">{formatDuration(r.duration_seconds)}</td>
              <td className={styles.mono}>{r.caller ?? "—"}</td>
              <td className={styles.mono}>{r.callee ?? "—"}</td>
              <td>{r.direction ?? "—"}</td>
              <td>{r.record_type}</td>
              <td className={styles.mono}>{r.target ?? "—"}</td>
              <td className={styles.mono}>{r.cell_first ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
