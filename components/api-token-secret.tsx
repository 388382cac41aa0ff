"use client";

import { useState } from "react";
import type { CreateTokenResponse } from "@/lib/schemas/api-tokens";
import { formatDateTime } from "@/lib/client/format";
import styles from "./api-tokens.module.css";

/** The new token's secret, shown this once (it is kept only in this page's memory), with a copy button. */
export function ApiTokenSecret({ created, onDone }: { created: CreateTokenResponse & { name: string }; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = () => {
    // (No clipboard outside a secure context: the token stays selectable by hand.)
    if (!navigator.clipboard) return setCopied("failed");
    navigator.clipboard.writeText(created.token).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <section className={styles.secret} aria-labelledby="new-token-title">
      <h3 id="new-token-title">New token “{created.name}”</h3>
      <p className={styles.warning} role="alert">
        Copy it now: it is not shown again. Anyone holding it acts as you until it expires ({formatDateTime(created.expiresAt)}) or is revoked.
      </p>
      <div className={styles.secretRow}>
        <code className={styles.secretValue} data-testid="new-token-secret" aria-label="New token secret">
          {created.token}
        </code>
        <button type="button" className="btn btn-small" onClick={copy}>
          Copy token
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Done
        </button>
        {copied === "yes" && (
          <span className="ok-note" role="status">
            Copied
          </span>
        )}
        {copied === "failed" && (
          <span className="muted" role="status">
            Could not copy: select the token and copy it by hand.
          </span>
        )}
      </div>
      <p className="muted">
        Send it as <code>Authorization: Bearer {created.token.slice(0, 7)}…</code>
      </p>
    </section>
  );
}
