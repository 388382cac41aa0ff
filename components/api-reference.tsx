import type { OpenApiDocument, OperationObject } from "@/lib/api-docs/openapi-types";
import { ApiInlineCode } from "./api-inline-code";
import { ApiIntro } from "./api-intro";
import { ApiMethodBadge } from "./api-method-badge";
import { ApiOperation } from "./api-operation";
import { ApiSchemas } from "./api-schemas";
import styles from "./api-reference.module.css";

interface Entry {
  path: string;
  method: string;
  op: OperationObject;
}

/** The whole API reference, drawn from the OpenAPI document: intro, contents, operations by tag, schemas. */
export function ApiReference({ doc }: { doc: OpenApiDocument }) {
  const byTag = new Map<string, Entry[]>(doc.tags.map((t) => [t.name, []]));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push({ path, method, op });
    }
  }
  const tagDescription = new Map(doc.tags.map((t) => [t.name, t.description]));
  const slug = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <div className="stack">
      <ApiIntro version={doc.info.version} description={doc.info.description} />
      <nav aria-label="API contents" className={`card ${styles.toc}`}>
        <div className="card-body">
          <h2 className={styles.tocTitle}>Contents</h2>
          <ul className={styles.tocList}>
            {[...byTag].map(([tag, entries]) => (
              <li key={tag}>
                <a href={`#${slug(tag)}`}>{tag}</a>
                <ul className={styles.tocOps}>
                  {entries.map((e) => (
                    <li key={e.op.operationId}>
                      <a href={`#${e.op.operationId}`} className={styles.tocOp}>
                        <ApiMethodBadge method={e.method} /> <code>{e.path}</code>
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
            <li>
              <a href="#schemas">Schemas</a>
            </li>
          </ul>
        </div>
      </nav>
      {[...byTag].map(([tag, entries]) => (
        <section key={tag} aria-labelledby={slug(tag)} className="stack">
          <div>
            <h2 id={slug(tag)} className={styles.tagTitle}>
              {tag}
            </h2>
            {tagDescription.get(tag) && (
              <p className="muted">
                <ApiInlineCode text={tagDescription.get(tag)!} />
              </p>
            )}
          </div>
          {entries.map((e) => (
            <ApiOperation key={e.op.operationId} doc={doc} path={e.path} method={e.method} op={e.op} />
          ))}
        </section>
      ))}
      <ApiSchemas doc={doc} />
    </div>
  );
}
