"use client";

import { useState, type FormEvent } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { useUpdateCase } from "@/lib/client/use-cases";
import { RegionSelect } from "./region-select";
import styles from "./case-edit-form.module.css";

/**
 * Renames a case, edits its description and the region its files' national numbers are read in
 * when neither a file nor a template says (its creator or an admin).
 */
export function CaseEditForm({ value, onDone, compact }: { value: CaseDto; onDone?: () => void; compact?: boolean }) {
  const update = useUpdateCase(value.id);
  const [region, setRegion] = useState(value.region ?? "");
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    update.mutate(
      { name: String(f.get("name") ?? "").trim(), description: String(f.get("description") ?? "").trim(), region: region || null },
      { onSuccess: () => onDone?.() },
    );
  };
  return (
    <form className={compact ? `${styles.form} ${styles.compact}` : styles.form} onSubmit={submit} aria-label={`Rename ${value.name}`}>
      <label className="field">
        <span>Name</span>
        <input name="name" defaultValue={value.name} required maxLength={120} autoComplete="off" autoFocus={compact} />
      </label>
      <label className="field">
        <span>Description</span>
        <textarea name="description" defaultValue={value.description ?? ""} maxLength={2000} rows={compact ? 1 : 2} />
      </label>
      <RegionSelect label="Region for national numbers" noneLabel="None" name="region" value={region} onChange={setRegion} />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>{update.isPending ? "Saving…" : "Save"}</button>
        {onDone && <button type="button" className="btn" onClick={onDone}>Cancel</button>}
        {update.isSuccess && !onDone && <span className="ok-note" role="status">Saved</span>}
      </div>
      {update.error && <p className="alert" role="alert">{update.error.message}</p>}
    </form>
  );
}
