"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import type { TemplateDto } from "@/lib/schemas/responses";
import { formatCarrier, formatDateTime } from "@/lib/client/format";
import { FIELD_LABELS } from "@/lib/schemas/fields";
import { ConfirmDialog } from "./confirm-dialog";
import { TemplateEditor } from "./template-editor";
import { queryKeys } from "@/lib/client/query-keys";

const summary = (t: TemplateDto) =>
  t.columns.map((c) => (c.field ? FIELD_LABELS[c.field] : "—")).join(" · ");

/** Every saved template; one row at a time opens for editing. */
export function TemplatesList() {
  const qc = useQueryClient();
  const { data, error, isPending } = useQuery({ queryKey: queryKeys.templates.all, queryFn: adminApi.templates });
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TemplateDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deleteTemplate(id),
    onSuccess: () => {
      setDeleting(null);
      void qc.invalidateQueries({ queryKey: queryKeys.templates.all });
    },
  });

  if (error) return <p className="alert" role="alert">{error.message}</p>;
  if (isPending) return <p className="muted">Loading templates…</p>;
  if (data.templates.length === 0) return <p className="card empty-note muted">No templates yet: confirming a mapping on the review screen saves one.</p>;
  return (
    <section className="card" aria-label="Templates">
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="num">Version</th>
              <th scope="col">Carrier</th>
              <th scope="col">Time zone</th>
              <th scope="col">Columns</th>
              <th scope="col" className="num" title="Files of your cases loaded with it">Used</th>
              <th scope="col">Updated</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {data.templates.map((t) =>
              editing === t.id ? (
                <tr key={t.id}>
                  <td colSpan={8}>
                    <TemplateEditor template={t} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={t.id} data-testid="template-row">
                  <td><strong>{t.name}</strong></td>
                  <td className="num">v{t.version}</td>
                  <td>{formatCarrier(t.carrier)}</td>
                  <td>{t.timezone ?? "—"}</td>
                  <td className="muted" title={summary(t)}>{t.columns.length} · {summary(t)}</td>
                  <td className="num" title="Files of your cases loaded with it">{t.uses.toLocaleString("en-US")}</td>
                  <td>{formatDateTime(t.updatedAt)}</td>
                  <td className="row-actions">
                    <button type="button" className="btn btn-small" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.name}`}>Edit</button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>Delete</button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete template “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete template"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        Files of this layout will go to review again. Jobs already loaded keep their records.
      </ConfirmDialog>
    </section>
  );
}
