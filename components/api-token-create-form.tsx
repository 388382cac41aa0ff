"use client";

import { useId, useState, type FormEvent } from "react";
import { useCreateApiToken } from "@/lib/client/api-tokens";
import { useCases } from "@/lib/client/use-cases";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS, type CreateTokenResponse, type TokenScope } from "@/lib/schemas/api-tokens";
import styles from "./api-tokens.module.css";

/**
 * A new personal API token: its name, read or write, optionally some of the user's cases (none
 * ticked: every case they may see), and how many days it lives. `onCreated` gets the secret.
 */
export function ApiTokenCreateForm({ onCreated }: { onCreated: (created: CreateTokenResponse & { name: string }) => void }) {
  const create = useCreateApiToken();
  const cases = useCases();
  const nameId = useId();
  const daysId = useId();
  const [scope, setScope] = useState<TokenScope>("read");
  const [caseIds, setCaseIds] = useState<number[]>([]);
  const toggleCase = (id: number, on: boolean) => setCaseIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const name = String(f.get("name") ?? "").trim();
    const days = Number(f.get("days") ?? DEFAULT_TOKEN_DAYS);
    create.mutate(
      { name, scope, ...(caseIds.length ? { caseIds } : {}), expiresInDays: Number.isInteger(days) ? days : DEFAULT_TOKEN_DAYS },
      {
        onSuccess: (created) => {
          form.reset();
          setScope("read");
          setCaseIds([]);
          onCreated({ ...created, name });
        },
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label="Create an API token">
      <label className="field" htmlFor={nameId}>
        <span>Token name</span>
        <input id={nameId} name="name" required maxLength={100} autoComplete="off" placeholder="e.g. nightly export script" />
      </label>
      <fieldset className={styles.group}>
        <legend>Access</legend>
        <div className={styles.options}>
          <label className="check">
            <input type="radio" name="scope" value="read" checked={scope === "read"} onChange={() => setScope("read")} /> Read
          </label>
          <label className="check">
            <input type="radio" name="scope" value="write" checked={scope === "write"} onChange={() => setScope("write")} /> Write
          </label>
        </div>
      </fieldset>
      <label className="field" htmlFor={daysId}>
        <span>Expires in (days)</span>
        <input id={daysId} name="days" type="number" min={1} max={MAX_TOKEN_DAYS} step={1} required defaultValue={DEFAULT_TOKEN_DAYS} />
      </label>
      <fieldset className={`${styles.group} ${styles.cases}`}>
        <legend>
          Cases <span className={styles.hint}>(none ticked: every case you can see, now and later)</span>
        </legend>
        {cases.isPending ? (
          <p className="muted">Loading cases…</p>
        ) : cases.error ? (
          <p className="alert" role="alert">
            {cases.error.message}
          </p>
        ) : cases.data.cases.length === 0 ? (
          <p className="muted">You are not in any case yet.</p>
        ) : (
          <div className={styles.caseList}>
            {cases.data.cases.map((c) => (
              <label key={c.id} className="check">
                <input type="checkbox" checked={caseIds.includes(c.id)} onChange={(e) => toggleCase(c.id, e.target.checked)} /> {c.name}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
      </div>
      {create.error && (
        <p className="alert" role="alert">
          {create.error.message}
        </p>
      )}
    </form>
  );
}
