import type { ApiAuth } from "@/lib/api-docs/operation-types";
import type { OpenApiDocument, OperationObject, SchemaObject } from "@/lib/api-docs/openapi-types";
import { constraintNotes, schemaFields, type SchemaField } from "@/lib/api-docs/schema-summary";
import { ApiFieldsTable } from "./api-fields-table";
import { ApiInlineCode } from "./api-inline-code";
import { ApiMethodBadge } from "./api-method-badge";
import { ApiType } from "./api-type";
import styles from "./api-operation.module.css";

export const AUTH_LABELS: Record<ApiAuth, string> = {
  user: "Session cookie or API token (Authorization: Bearer sy_…)",
  session: "Browser session only: API tokens are refused",
  public: "None: public",
  metrics: "Authorization: Bearer <METRICS_TOKEN>, or an admin session",
  "public-metrics": "None; the details need METRICS_TOKEN or an admin session",
};

/** One operation: method, path, who may call it, its parameters, its body and its answers. */
export function ApiOperation({ doc, path, method, op }: { doc: OpenApiDocument; path: string; method: string; op: OperationObject }) {
  const params: SchemaField[] = (op.parameters ?? []).map((p) => ({
    name: p.name,
    schema: p.schema,
    required: p.required,
    description: p.description ?? null,
    notes: constraintNotes(p.schema),
  }));
  const where = Object.fromEntries((op.parameters ?? []).map((p) => [p.name, p.in]));
  const role = op["x-switchyard-role"];
  return (
    <article className={`card ${styles.op}`} id={op.operationId} aria-labelledby={`${op.operationId}-title`}>
      <header className={styles.head}>
        <ApiMethodBadge method={method} />
        <code className={styles.path}>{path}</code>
        <h3 id={`${op.operationId}-title`} className={styles.summary}>
          {op.summary}
        </h3>
      </header>
      <div className={styles.body}>
        <dl className={styles.facts}>
          <div>
            <dt>Authentication</dt>
            <dd>{AUTH_LABELS[op["x-switchyard-auth"]]}</dd>
          </div>
          {role && (
            <div>
              <dt>Least role</dt>
              <dd>{role}</dd>
            </div>
          )}
        </dl>
        {op.description && (
          <p className={styles.description}>
            <ApiInlineCode text={op.description} />
          </p>
        )}
        {params.length > 0 && (
          <section>
            <h4 className={styles.h4}>Parameters</h4>
            <ApiFieldsTable fields={params} caption={`Parameters of ${method.toUpperCase()} ${path}`} where={where} />
          </section>
        )}
        {op.requestBody && (
          <section>
            <h4 className={styles.h4}>
              Request body{op.requestBody.required ? "" : " (optional)"}
              {Object.keys(op.requestBody.content).map((type) => (
                <code key={type} className={styles.media}>
                  {type}
                </code>
              ))}
            </h4>
            {op.requestBody.description && <p className="muted">{op.requestBody.description}</p>}
            {Object.entries(op.requestBody.content).map(([type, media]) => (
              <BodyFields key={type} doc={doc} schema={media.schema} caption={`Request body of ${method.toUpperCase()} ${path}`} />
            ))}
          </section>
        )}
        <section>
          <h4 className={styles.h4}>Responses</h4>
          <ul className={styles.responses}>
            {Object.entries(op.responses).map(([status, r]) => (
              <li key={status}>
                <span className={Number(status) < 400 ? styles.statusOk : styles.statusError}>{status}</span> <ApiInlineCode text={r.description} />
                {r.content &&
                  Number(status) < 400 &&
                  Object.entries(r.content).map(([type, media]) => (
                    <span key={type} className={styles.media}>
                      {" "}
                      <code>{type}</code>
                      {media.schema && refOrType(media.schema)}
                    </span>
                  ))}
                {r.headers && <span className="muted"> · headers: {Object.keys(r.headers).join(", ")}</span>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </article>
  );
}

function refOrType(schema: SchemaObject) {
  if (!schema.$ref && !schema.type) return null;
  return (
    <>
      {" "}
      <ApiType schema={schema} />
    </>
  );
}

function BodyFields({ doc, schema, caption }: { doc: OpenApiDocument; schema: SchemaObject | undefined; caption: string }) {
  const fields = schemaFields(doc, schema);
  if (!fields)
    return (
      <p>
        Type: <ApiType schema={schema} />
      </p>
    );
  return <ApiFieldsTable fields={fields} caption={caption} />;
}
