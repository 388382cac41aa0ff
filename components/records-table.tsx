import type { RecordDto } from "@/lib/schemas/api";
import { formatCarrier, formatDuration } from "@/lib/client/format";
import { PartyCell } from "./party-cell";
import { RepairedMarker } from "./repaired-marker";
import styles from "./records-table.module.css";

/**
 * The records of a page. A linked duplicate leg (the same call reported twice) is only listed when
 * asked for, dimmed, with the id of the record that counts; each row says which file and line it
 * came from, so an analyst can go back to what the carrier sent. A party that is no phone number
 * (an extension, 911, a withheld caller) shows as written with its kind; an unknown duration is "—".
 * On a phone the rows become small cards, each value under its column's name.
 */
export function RecordsTable({ records }: { records: readonly RecordDto[] }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.records}`}>
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
              <tr
                key={r.id}
                data-testid="record-row"
                data-record-id={r.id}
                data-duplicate-of={dup ?? undefined}
                data-repaired={r.repaired ? "true" : undefined}
                className={dup !== null ? styles.duplicate : undefined}
              >
                <td className={`${styles.mono} ${styles.wide}`} data-label="Start (UTC)">
                  {r.start_time}
                  {dup !== null && (
                    <span className={styles.dupBadge} title={`The same call as record #${dup}, which is the one counted`}>
                      duplicate of #{dup}
                    </span>
                  )}
                  {r.repaired && <RepairedMarker />}
                </td>
                <td className="num" data-label="Duration" data-testid="record-duration">{formatDuration(r.duration_seconds)}</td>
                <td data-label="Caller" data-testid="record-caller"><PartyCell value={r.caller} kind={r.caller_kind} raw={r.caller_raw} /></td>
                <td data-label="Callee" data-testid="record-callee"><PartyCell value={r.callee} kind={r.callee_kind} raw={r.callee_raw} /></td>
                <td data-label="Direction">{r.direction ?? "—"}</td>
                <td data-label="Type">{r.record_type}</td>
                <td data-label="Target"><PartyCell value={r.target} kind={r.target_kind} raw={r.target_raw} /></td>
                <td className={styles.mono} data-label="Cell">{r.cell_first ?? "—"}</td>
                <td data-label="Carrier">{formatCarrier(r.carrier)}</td>
                <td className={`${styles.source} ${styles.wide}`} data-label="Source" title={`${r.source_file}, line ${r.source_line}`}>
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
