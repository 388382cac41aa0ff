"use client";

import { useState, type FormEvent } from "react";
import { adminApi } from "@/lib/client/admin-api";
import styles from "./sign-in-view.module.css";

/** First run: whoever opens the app first creates the administrator account. */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await adminApi.setup(String(form.get("email")), String(form.get("name")), String(form.get("password")));
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Set up Switchyard</h1>
      <p className="muted">No account exists yet. Create the first administrator; this form closes once it is done.</p>
      <label className="field">
        <span>Name</span>
        <input name="name" autoComplete="name" required autoFocus />
      </label>
      <label className="field">
        <span>E-mail</span>
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label className="field">
        <span>Password (at least 10 characters)</span>
        <input name="password" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Creating…" : "Create administrator"}
      </button>
    </form>
  );
}
