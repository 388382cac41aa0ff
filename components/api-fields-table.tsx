import type { SchemaField } from "@/lib/api-docs/schema-summary";
import { ApiInlineCode } from "./api-inline-code";
import { ApiType } from "./api-type";
import styles from "./api-fields-table.module.css";

/** Name, type, required and description of each field of a body, a parameter list or a schema. */
export function ApiFieldsTable({ fields, caption, where }: { fields: SchemaField[]; caption: string; where?: Record<string, string> }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.fields}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {where && <th scope="col">In</th>}
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={`${where?.[f.name] ?? ""}:${f.name}`}>
              <th scope="row" className={styles.name}>
                <code>{f.name}</code>
              </th>
              {where && <td>{where[f.name]}</td>}
              <td className={styles.type}>
                <ApiType schema={f.schema} />
              </td>
              <td>{f.required ? <span className={styles.required}>required</span> : <span className="muted">optional</span>}</td>
              <td>
                {f.description && <ApiInlineCode text={f.description} />}
                {f.notes && (
                  <span className={styles.notes}>
                    {f.description ? " " : ""}({f.notes})
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
