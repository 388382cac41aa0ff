import { FIELD_LABELS } from "@/lib/schemas/fields";
import { REVIEW_THRESHOLD, type ColumnMapping } from "@/lib/schemas/mapping";
import { ConfidenceMeter } from "./confidence-meter";
import styles from "./mapping-table.module.css";

/** Source column → canonical field, with the mapper's confidence; doubtful rows stand out for reviewers. */
export function MappingTable({ columns }: { columns: readonly ColumnMapping[] }) {
  const doubtful = columns.filter((c) => c.confidence < REVIEW_THRESHOLD).length;
  return (
    <>
      {doubtful > 0 && (
        <p className={styles.note}>
          {doubtful} {doubtful === 1 ? "column is" : "columns are"} below {Math.round(REVIEW_THRESHOLD * 100)}% confidence.
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Source header</th>
              <th scope="col">Maps to</th>
              <th scope="col">Format</th>
              <th scope="col">Confidence</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c) => (
              <tr key={c.index} className={c.confidence < REVIEW_THRESHOLD ? styles.low : undefined} data-testid="mapping-row">
                <td className="num muted">{c.index + 1}</td>
                <td>
                  <code className={styles.header}>{c.header || <span className="muted">(no header)</span>}</code>
                </td>
                <td>{c.field ? FIELD_LABELS[c.field] : <span className="muted">Not used</span>}</td>
                <td className="muted">{c.format ?? "—"}</td>
                <td>
                  <ConfidenceMeter value={c.confidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
