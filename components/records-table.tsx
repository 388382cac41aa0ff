import type { RecordDto } from "@/lib/schemas/api";
import { formatCarrier, formatDuration } from "@/lib/client/format";
import { DataTable, type Column } from "./data-table";
import { PartyCell } from "./party-cell";
import { RepairedMarker } from "./repaired-marker";
import styles from "./records-table.module.css";

const COLUMNS: Column<RecordDto>[] = [
  {
    key: "start",
    header: "Start (UTC)",
    className: `${styles.mono} ${styles.wide}`,
    cell: (r) => (
      <>
        {r.start_time}
        {r.duplicate_of !== null && (
          <span className={styles.dupBadge} title={`The same call as record #${r.duplicate_of}, which is the one counted`}>
            duplicate of #{r.duplicate_of}
          </span>
        )}
        {r.repaired && <RepairedMarker />}
      </>
    ),
  },
  { key: "duration", header: "Duration", numeric: true, cellProps: () => ({ "data-testid": "record-duration" }), cell: (r) => formatDuration(r.duration_seconds) },
  { key: "caller", header: "Caller", cellProps: () => ({ "data-testid": "record-caller" }), cell: (r) => <PartyCell value={r.caller} kind={r.caller_kind} raw={r.caller_raw} /> },
  { key: "callee", header: "Callee", cellProps: () => ({ "data-testid": "record-callee" }), cell: (r) => <PartyCell value={r.callee} kind={r.callee_kind} raw={r.callee_raw} /> },
  { key: "direction", header: "Direction", cell: (r) => r.direction ?? "—" },
  { key: "type", header: "Type", cell: (r) => r.record_type },
  { key: "target", header: "Target", cell: (r) => <PartyCell value={r.target} kind={r.target_kind} raw={r.target_raw} /> },
  { key: "cell", header: "Cell", className: styles.mono, cell: (r) => r.cell_first ?? "—" },
  { key: "carrier", header: "Carrier", cell: (r) => formatCarrier(r.carrier) },
  {
    key: "source",
    header: "Source",
    className: `${styles.source} ${styles.wide}`,
    cellProps: (r) => ({ title: `${r.source_file}, line ${r.source_line}` }),
    cell: (r) => (
      <>
        <span className={styles.sourceFile}>{r.source_file}</span>:{r.source_line}
      </>
    ),
  },
];

/**
 * The records of a page. A linked duplicate leg (the same call reported twice) is only listed when
 * asked for, dimmed, with the id of the record that counts; each row says which file and line it
 * came from, so an analyst can go back to what the carrier sent. A party that is no phone number
 * (an extension, 911, a withheld caller) shows as written with its kind; an unknown duration is "—".
 * On a phone the rows become small cards, each value under its column's name.
 */
export function RecordsTable({ records }: { records: readonly RecordDto[] }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={records}
      rowKey={(r) => r.id}
      rowProps={(r) => ({
        "data-testid": "record-row",
        "data-record-id": r.id,
        "data-duplicate-of": r.duplicate_of ?? undefined,
        "data-repaired": r.repaired ? "true" : undefined,
        className: r.duplicate_of !== null ? styles.duplicate : undefined,
      })}
      className={styles.records}
      labelCells
    />
  );
}
