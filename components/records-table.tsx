import type { RecordDto } from "@/lib/schemas/api";
import { formatCarrier, formatDuration } from "@/lib/client/format";
import styles from "./records-table.module.css";

/**
 * The records of a page. A linked duplicate leg (the same call reported twice) is only listed when
 * asked for, dimmed, with the id of the record that counts; each row says which file and line it
 * came from, so an analyst can go back to what the carrier sent.
 */
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
            <th scope="col">Carrier</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => {
            const dup = r.duplicate_of;
            return (
              <tr key={r.id} data-testid="record-row" data-record-id={r.id} data-duplicate-of={dup ?? undefined} className={dup !== null ? styles.duplicate : undefined}>
                <td className={styles.mono}>
                  {r.start_time}
                  {dup !== null && (
                    <span className={styles.dupBadge} title={`The same call as record #${dup}, which is the one counted`}>
                      duplicate of #{dup}
                    </span>
                  )}
                </td>
                <td className="num">{formatDuration(r.duration_seconds)}</td>
                <td className={styles.mono}>{r.caller ?? "—"}</td>
                <td className={styles.mono}>{r.callee ?? "—"}</td>
                <td>{r.direction ?? "—"}</td>
                <td>{r.record_type}</td>
                <td className={styles.mono}>{r.target ?? "—"}</td>
                <td className={styles.mono}>{r.cell_first ?? "—"}</td>
                <td>{formatCarrier(r.carrier)}</td>
                <td className={styles.source} title={`${r.source_file}, line ${r.source_line}`}>
                  <span className={styles.sourceFile}>{r.source_file}</span>:{r.source_line}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
