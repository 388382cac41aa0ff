"use client";

import { useId, type FormEvent } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { useCreateCase } from "@/lib/client/use-cases";
import styles from "./case-create-form.module.css";

/** Name (required) and description of a new case; `onCreated` decides where to go next. */
export function CaseCreateForm({ onCreated, autoFocus, submitLabel = "Create case" }: { onCreated: (c: CaseDto) => void; autoFocus?: boolean; submitLabel?: string }) {
  const create = useCreateCase();
  const nameId = useId();
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const description = String(f.get("description") ?? "").trim();
    create.mutate(
      { name: String(f.get("name") ?? "").trim(), ...(description ? { description } : {}) },
      {
        onSuccess: ({ case: c }) => {
          form.reset();
          onCreated(c);
        },
      },
    );
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label="Create a case">
      <label className="field" htmlFor={nameId}>
        <span>Case name</span>
        <input id={nameId} name="name" required maxLength={120} autoComplete="off" placeholder="e.g. Operation Nightjar" autoFocus={autoFocus} />
      </label>
      <label className="field">
        <span>
          Description <span className={styles.optional}>(optional)</span>
        </span>
        <textarea name="description" maxLength={2000} rows={1} placeholder="Warrant, targets, what the case is about" />
      </label>
      <button type="submit" className="btn btn-primary" disabled={create.isPending}>
        {create.isPending ? "Creating…" : submitLabel}
      </button>
      {create.error && (
        <p className="alert" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
