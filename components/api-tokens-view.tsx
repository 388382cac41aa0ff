"use client";

import { useState } from "react";
import { useApiTokens, useRevokeApiToken } from "@/lib/client/api-tokens";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useCases } from "@/lib/client/use-cases";
import type { ApiTokenDto, CreateTokenResponse } from "@/lib/schemas/api-tokens";
import { ApiTokenCreateForm } from "./api-token-create-form";
import { ApiTokenSecret } from "./api-token-secret";
import { ConfirmDialog } from "./confirm-dialog";
import styles from "./api-tokens.module.css";

/** The signed-in user's personal API tokens: create (the secret shown once), list, revoke. */
export function ApiTokensView() {
  const tokens = useApiTokens();
  const cases = useCases();
  const revoke = useRevokeApiToken();
  const [created, setCreated] = useState<(CreateTokenResponse & { name: string }) | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);
  const caseName = (id: number) => cases.data?.cases.find((c) => c.id === id)?.name ?? `Case ${id} (no longer yours)`;
  const now = Date.now();

  return (
    <section className="card" aria-labelledby="api-tokens-title">
      <div className="card-header">
        <h2 id="api-tokens-title">API tokens</h2>
      </div>
      <ApiTokenCreateForm onCreated={setCreated} />
      {created && <ApiTokenSecret created={created} onDone={() => setCreated(null)} />}
      {tokens.error ? (
        <p className="card-body alert" role="alert">{tokens.error.message}</p>
      ) : tokens.isPending ? (
        <p className="card-body muted">Loading…</p>
      ) : tokens.data.tokens.length === 0 ? (
        <p className="empty-note muted">No API tokens yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Your API tokens">
            <thead>
              <tr>
                <th scope="col">Name</th><th scope="col">Token</th><th scope="col">Access</th><th scope="col">Cases</th>
                <th scope="col">Created</th><th scope="col">Expires</th><th scope="col">Last used</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.tokens.map((t) => {
                const expired = new Date(t.expiresAt).getTime() <= now;
                return (
                  <tr key={t.id} data-testid="api-token-row" data-name={t.name}>
                    <td>{t.name}</td>
                    <td><span className={styles.mono}>{t.hint}…</span></td>
                    <td>{t.scope === "write" ? "Write" : "Read"}</td>
                    <td>{t.caseIds === null ? "All your cases" : t.caseIds.map(caseName).join(", ")}</td>
                    <td>{formatDateTime(t.createdAt)}</td>
                    <td>{expired ? <span className={styles.expired}>Expired {formatDateTime(t.expiresAt)}</span> : formatDateTime(t.expiresAt)}</td>
                    <td>{t.lastUsedAt ? <time dateTime={t.lastUsedAt} title={formatDateTime(t.lastUsedAt)}>{formatRelative(t.lastUsedAt)}</time> : "Never"}</td>
                    <td>
                      <button type="button" className="btn btn-small btn-danger" onClick={() => { revoke.reset(); setRevoking(t); }} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke token"
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onClose={() => setRevoking(null)}
      >
        Scripts using it stop working at once. This cannot be undone.
      </ConfirmDialog>
    </section>
  );
}
