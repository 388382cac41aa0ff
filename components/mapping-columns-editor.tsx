"use client";

import { withTransform, type MappingDraft } from "@/lib/client/mapping-draft";
import type { PreviewResponse } from "@/lib/schemas/responses";
import { FIELD_LABELS, MAPPABLE_FIELDS, mappableFieldSchema } from "@/lib/schemas/fields";
import { REVIEW_THRESHOLD, type ColumnMapping } from "@/lib/schemas/mapping";
import type { MappingProblem } from "@/lib/schemas/mapping-problems";
import { ColumnStructureActions } from "./column-structure-actions";
import { ConfidenceMeter } from "./confidence-meter";
import { FieldProblem, problemsOn } from "./field-problem";
import problemStyles from "./mapping-problems.module.css";
import styles from "./mapping-columns-editor.module.css";

interface Props {
  draft: MappingDraft;
  onChange: (d: MappingDraft) => void;
  preview: PreviewResponse;
  suggested: readonly ColumnMapping[];
  /** checkMapping's problems: a field mapped twice shows on each of its columns, a missing core field above the table. */
  problems: MappingProblem[];
}

/** One row per source column: its header, a few values, the engine's guess, and the reviewer's pick. */
export function MappingColumnsEditor({ draft, onChange, preview, suggested, problems }: Props) {
  const missing = problems.filter((p) => p.code === "core_missing");
  const setField = (index: number, value: string) => {
    const parsed = mappableFieldSchema.safeParse(value);
    const fields = draft.fields.map((f, i) => (i === index ? (parsed.success ? parsed.data : null) : f));
    onChange({ ...draft, fields });
  };
  return (
    <section className="card" aria-labelledby="columns-title">
      <div className="card-header">
        <h2 id="columns-title">Columns</h2>
        <span className="muted">{draft.fields.length} columns</span>
      </div>
      {missing.length > 0 && (
        <p className={problemStyles.missing} data-testid="missing-fields">
          {missing.map((p) => p.message).join(" ")}
        </p>
      )}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                #
              </th>
              <th scope="col">Header</th>
              <th scope="col">Sample values</th>
              <th scope="col">Suggested</th>
              <th scope="col">Maps to</th>
              <th scope="col">Structure</th>
            </tr>
          </thead>
          <tbody>
            {draft.fields.map((field, i) => {
              const guess = suggested.find((c) => c.index === i);
              const header = draft.noHeader ? "" : (preview.headers[i] ?? "");
              const low = !guess || guess.confidence < REVIEW_THRESHOLD;
              const here = problemsOn(
                problems.filter((p) => p.code !== "core_missing"),
                `column:${i}`,
                ...(field ? [field] : []),
              );
              return (
                <tr key={i} data-testid="mapping-column" className={low ? styles.low : undefined}>
                  <td className="num muted">{i + 1}</td>
                  <td>{header ? <code>{header}</code> : <span className="muted">(no header)</span>}</td>
                  <td>
                    <div className={styles.samples}>
                      {(preview.samples[i] ?? []).slice(0, 4).map((v, k) => (
                        <code key={k}>{v || "∅"}</code>
                      ))}
                    </div>
                  </td>
                  <td>
                    <div className={styles.guess}>
                      <span>{guess?.field ? FIELD_LABELS[guess.field] : "—"}</span>
                      <ConfidenceMeter value={guess?.confidence ?? null} />
                    </div>
                  </td>
                  <td>
                    <select
                      aria-label={`Column ${i + 1}${header ? ` (${header})` : ""} maps to`}
                      value={field ?? ""}
                      onChange={(e) => setField(i, e.target.value)}
                      className={`input ${here.length > 0 ? problemStyles.invalid : ""}`}
                      aria-invalid={here.length > 0 || undefined}
                      aria-describedby={here.length > 0 ? `column-problem-${i}` : undefined}
                    >
                      <option value="">— not mapped —</option>
                      {MAPPABLE_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {FIELD_LABELS[f]}
                        </option>
                      ))}
                    </select>
                    <FieldProblem problems={here} id={`column-problem-${i}`} />
                  </td>
                  <td>
                    <ColumnStructureActions index={i} last={i === draft.fields.length - 1} onEdit={(t) => onChange(withTransform(draft, t))} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
