"use client";

import { withoutLastTransform, withSheet, type MappingDraft } from "@/lib/client/mapping-draft";
import { describeTransform } from "@/lib/ingest/review/apply-transforms";
import type { PreviewResponse } from "@/lib/schemas/responses";
import styles from "./mapping-structure.module.css";

interface Props {
  draft: MappingDraft;
  onChange: (d: MappingDraft) => void;
  preview: PreviewResponse;
}

/**
 * The file's structure as the reviewer sets it (issue 18): the workbook sheet, the header row
 * (picked from the file's first lines as written) and the column splits/merges made in the
 * columns editor, each undoable. The preview follows every change; all of it is saved with the template.
 */
export function MappingStructureEditor({ draft, onChange, preview }: Props) {
  const sheets = preview.sheets ?? [];
  const sheet = draft.sheet ?? preview.sheet ?? "";
  const heads = preview.headLines ?? [];
  const last = draft.transforms.length - 1;
  return (
    <section className="card" aria-labelledby="structure-title" data-testid="structure-editor">
      <div className="card-header">
        <h2 id="structure-title">Structure</h2>
        <span className="muted">Sheet, header row, split and merged columns</span>
      </div>
      <div className={`card-body ${styles.block}`}>
        {sheets.length > 1 && (
          <label className="field">
            <span>Sheet with the records</span>
            <select className="input" value={sheet} onChange={(e) => e.target.value !== sheet && onChange(withSheet(draft, e.target.value))} data-testid="sheet-select">
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        {heads.length > 0 && (
          <div>
            <h3 className={`muted ${styles.subhead}`} id="head-lines-title">
              The first lines of the {sheets.length > 0 ? "sheet" : "file"}: pick the line that holds the headers
            </h3>
            <ol className={styles.heads} aria-labelledby="head-lines-title" data-testid="head-lines">
              {heads.map((h) => {
                const current = !draft.noHeader && !draft.reseed && draft.headerLine === h.line;
                return (
                  <li key={h.line} className={`${styles.head} ${current ? styles.current : ""}`} data-testid="head-line">
                    <span className="muted">Line {h.line}</span>
                    <code title={h.text}>{h.text}</code>
                    {current ? (
                      <span aria-label={`Line ${h.line} is the header row`}>Header row</span>
                    ) : (
                      <button
                        type="button"
                        className="btn btn-small"
                        aria-label={`Use line ${h.line} as header row`}
                        onClick={() => onChange({ ...draft, headerLine: h.line, noHeader: false, reseed: false })}
                      >
                        Use as header row
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          </div>
        )}
        <div>
          <h3 className={`muted ${styles.subhead}`} id="edits-title">
            Column edits
          </h3>
          {draft.transforms.length === 0 ? (
            <p className="muted" data-testid="no-structure-edits">
              None: use “Split…” or “Merge with next” on a column below.
            </p>
          ) : (
            <ol className={styles.edits} aria-labelledby="edits-title" data-testid="structure-edits">
              {draft.transforms.map((t, k) => (
                <li key={k} className={styles.edit} data-testid="structure-edit">
                  <span>{describeTransform(t).replace(/^./, (c) => c.toUpperCase())}</span>
                  {k === last && (
                    <button type="button" className={styles.link} onClick={() => onChange(withoutLastTransform(draft))}>
                      Undo
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
