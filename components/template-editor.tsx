"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { adminApi } from "@/lib/client/admin-api";
import type { TemplateDto } from "@/lib/schemas/responses";
import { FIELD_LABELS, MAPPABLE_FIELDS, mappableFieldSchema } from "@/lib/schemas/fields";
import { TimezoneInput } from "./timezone-input";
import styles from "./template-editor.module.css";
import { queryKeys } from "@/lib/client/query-keys";

/** Edits a template's name, zone and column fields; saving makes a new version. */
export function TemplateEditor({ template, onDone }: { template: TemplateDto; onDone: () => void }) {
  const qc = useQueryClient();
  const [name, setName] = useState(template.name);
  const [timezone, setTimezone] = useState(template.timezone ?? "");
  const [columns, setColumns] = useState(template.columns);
  const save = useMutation({
    mutationFn: () => adminApi.updateTemplate(template.id, { name: name.trim(), timezone: timezone.trim() || null, columns }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.templates.all });
      onDone();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setField = (index: number, value: string) => {
    const parsed = mappableFieldSchema.safeParse(value);
    setColumns(columns.map((c) => (c.index === index ? { ...c, field: parsed.success ? parsed.data : null } : c)));
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Edit ${template.name}`}>
      <div className={styles.top}>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} />
        </label>
        <TimezoneInput value={timezone} onChange={setTimezone} />
      </div>
      <div className={styles.columns}>
        {columns.map((c) => (
          <label key={c.index} className="field">
            <span>
              #{c.index + 1} {c.header ? <code>{c.header}</code> : "(no header)"}
            </span>
            <select value={c.field ?? ""} onChange={(e) => setField(c.index, e.target.value)}>
              <option value="">— not mapped —</option>
              {MAPPABLE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {save.error && (
        <p className="alert" role="alert">
          {save.error.message}
        </p>
      )}
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save as new version"}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
