"use client";

import { useState } from "react";
import { useApiTokens, useRevokeApiToken } from "@/lib/client/api-tokens";
import { formatDateTime, formatRelative } from "@/lib/client/format";
import { useCases } from "@/lib/client/use-cases";
import type { ApiTokenDto, CreateTokenResponse } from "@/lib/schemas/api-tokens";
import { ApiTokenCreateForm } from "./api-token-create-form";
import { ApiTokenSecret } from "./api-token-secret";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
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
  const columns: Column<ApiTokenDto>[] = [
    { key: "name", header: "Name", cell: (t) => t.name },
    { key: "token", header: "Token", cell: (t) => <span className={styles.mono}>{t.hint}…</span> },
    { key: "access", header: "Access", cell: (t) => (t.scope === "write" ? "Write" : "Read") },
    { key: "cases", header: "Cases", cell: (t) => (t.caseIds === null ? "All your cases" : t.caseIds.map(caseName).join(", ")) },
    { key: "created", header: "Created", cell: (t) => formatDateTime(t.createdAt) },
    {
      key: "expires",
      header: "Expires",
      cell: (t) => (new Date(t.expiresAt).getTime() <= now ? <span className={styles.expired}>Expired {formatDateTime(t.expiresAt)}</span> : formatDateTime(t.expiresAt)),
    },
    {
      key: "used",
      header: "Last used",
      cell: (t) =>
        t.lastUsedAt ? (
          <time dateTime={t.lastUsedAt} title={formatDateTime(t.lastUsedAt)}>
            {formatRelative(t.lastUsedAt)}
          </time>
        ) : (
          "Never"
        ),
    },
  ];

  return (
    <section className="card" aria-labelledby="api-tokens-title">
      <div className="card-header">
        <h2 id="api-tokens-title">API tokens</h2>
      </div>
      <ApiTokenCreateForm onCreated={setCreated} />
      {created && <ApiTokenSecret created={created} onDone={() => setCreated(null)} />}
      <QueryState query={tokens} retry isEmpty={(data) => data.tokens.length === 0} empty="No API tokens yet.">
        {(data) => (
          <DataTable
            aria-label="Your API tokens"
            columns={columns}
            rows={data.tokens}
            rowKey={(t) => t.id}
            rowProps={(t) => ({ "data-testid": "api-token-row", "data-name": t.name })}
            actions={{
              cell: (t) => (
                <button
                  type="button"
                  className="btn btn-small btn-danger"
                  onClick={() => {
                    revoke.reset();
                    setRevoking(t);
                  }}
                  aria-label={`Revoke ${t.name}`}
                >
                  Revoke
                </button>
              ),
            }}
          />
        )}
      </QueryState>
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
