import type { OpenApiDocument } from "@/lib/api-docs/openapi-types";
import { schemaFields } from "@/lib/api-docs/schema-summary";
import { ApiFieldsTable } from "./api-fields-table";
import { ApiType } from "./api-type";
import styles from "./api-reference.module.css";

/** Every named shape (components.schemas) with its fields: what the answers' type links point at. */
export function ApiSchemas({ doc }: { doc: OpenApiDocument }) {
  return (
    <section aria-labelledby="schemas" className="stack">
      <h2 id="schemas" className={styles.tagTitle}>
        Schemas
      </h2>
      {Object.entries(doc.components.schemas).map(([name, schema]) => {
        const fields = schemaFields(doc, schema);
        return (
          <article key={name} id={`schema-${name}`} className={`card ${styles.schema}`} aria-labelledby={`schema-${name}-title`}>
            <div className="card-header">
              <h3 id={`schema-${name}-title`} className={styles.schemaTitle}>
                <code>{name}</code>
              </h3>
            </div>
            <div className="card-body">
              {typeof schema.description === "string" && <p className={styles.schemaDescription}>{schema.description}</p>}
              {fields ? <ApiFieldsTable fields={fields} caption={`Fields of ${name}`} /> : <ApiType schema={schema} />}
            </div>
          </article>
        );
      })}
    </section>
  );
}
