"use client";

import { useMemo, useState, type FormEvent } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { useUpdateCase } from "@/lib/client/use-cases";
import { RegionSelect } from "./region-select";
import styles from "./case-edit-form.module.css";

/**
 * Renames a case, edits its description, the region its files' national numbers are read in
 * when neither a file nor a template says, and the time zone its patterns of life are shown in
 * (empty: UTC; records stay in UTC) — its creator or an admin.
 */
export function CaseEditForm({ value, onDone, compact }: { value: CaseDto; onDone?: () => void; compact?: boolean }) {
  const update = useUpdateCase(value.id);
  const [region, setRegion] = useState(value.region ?? "");
  // The case changed (saved here or by someone else): the fields show the new values. The inputs
  // are keyed by updatedAt rather than the whole form, so "Saved" outlives the refetch it causes.
  const [shown, setShown] = useState(value.updatedAt);
  if (shown !== value.updatedAt) {
    setShown(value.updatedAt);
    setRegion(value.region ?? "");
  }
  const zones = useMemo(timeZoneNames, []);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    update.mutate(
      {
        name: String(f.get("name") ?? "").trim(),
        description: String(f.get("description") ?? "").trim(),
        region: region || null,
        displayTimezone: String(f.get("displayTimezone") ?? "").trim() || null,
      },
      { onSuccess: () => onDone?.() },
    );
  };
  return (
    <form className={compact ? `${styles.form} ${styles.compact}` : styles.form} onSubmit={submit} aria-label={`Rename ${value.name}`}>
      <label className="field">
        <span>Name</span>
        <input key={value.updatedAt} name="name" defaultValue={value.name} required maxLength={120} autoComplete="off" autoFocus={compact} />
      </label>
      <label className="field">
        <span>Description</span>
        <textarea key={value.updatedAt} name="description" defaultValue={value.description ?? ""} maxLength={2000} rows={compact ? 1 : 2} />
      </label>
      <RegionSelect label="Region for national numbers" noneLabel="None" name="region" value={region} onChange={setRegion} />
      <label className="field">
        <span>Display time zone</span>
        <input
          key={value.updatedAt}
          name="displayTimezone"
          defaultValue={value.displayTimezone ?? ""}
          list={`case-${value.id}-zones`}
          placeholder="UTC"
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          title="An IANA time zone such as America/Chicago; empty for UTC. Patterns of life count hours in it."
        />
        <datalist id={`case-${value.id}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </label>
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
        {onDone && (
          <button type="button" className="btn" onClick={onDone}>
            Cancel
          </button>
        )}
        {update.isSuccess && !onDone && (
          <span className="ok-note" role="status">
            Saved
          </span>
        )}
      </div>
      {update.error && (
        <p className="alert" role="alert">
          {update.error.message}
        </p>
      )}
    </form>
  );
}

/** The IANA zones this browser knows, for the time zone field's suggestions (none on an old browser: the field still takes a name). */
function timeZoneNames(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: "timeZone") => string[] };
  try {
    return intl.supportedValuesOf?.("timeZone") ?? [];
  } catch {
    return [];
  }
}
