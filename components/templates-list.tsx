"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { adminApi } from "@/lib/client/admin-api";
import type { TemplateDto } from "@/lib/schemas/responses";
import { formatCarrier, formatDateTime } from "@/lib/client/format";
import { FIELD_LABELS } from "@/lib/schemas/fields";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
import { TemplateEditor } from "./template-editor";
import { queryKeys } from "@/lib/client/query-keys";

const USED_TITLE = "Files of your cases loaded with it";

const summary = (t: TemplateDto) => t.columns.map((c) => (c.field ? FIELD_LABELS[c.field] : "—")).join(" · ");

/** Every saved template; one row at a time opens for editing. */
export function TemplatesList() {
  const qc = useQueryClient();
  const templates = useQuery({ queryKey: queryKeys.templates.all, queryFn: adminApi.templates });
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TemplateDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deleteTemplate(id),
    onSuccess: () => {
      setDeleting(null);
      void qc.invalidateQueries({ queryKey: queryKeys.templates.all });
    },
  });

  const columns: Column<TemplateDto>[] = [
    { key: "name", header: "Name", cell: (t) => <strong>{t.name}</strong> },
    { key: "version", header: "Version", numeric: true, cell: (t) => `v${t.version}` },
    { key: "carrier", header: "Carrier", cell: (t) => formatCarrier(t.carrier) },
    { key: "timezone", header: "Time zone", cell: (t) => t.timezone ?? "—" },
    { key: "columns", header: "Columns", className: "muted", cellProps: (t) => ({ title: summary(t) }), cell: (t) => `${t.columns.length} · ${summary(t)}` },
    {
      key: "uses",
      header: "Used",
      numeric: true,
      headerTitle: USED_TITLE,
      cellProps: () => ({ title: USED_TITLE }),
      cell: (t) => t.uses.toLocaleString("en-US"),
    },
    { key: "updated", header: "Updated", cell: (t) => formatDateTime(t.updatedAt) },
  ];

  return (
    <>
      <QueryState
        query={templates}
        loading="Loading templates…"
        inset={false}
        retry
        isEmpty={(data) => data.templates.length === 0}
        empty="No templates yet: confirming a mapping on the review screen saves one."
        emptyClassName="card empty-note muted"
      >
        {(data) => (
          <section className="card" aria-label="Templates">
            <DataTable
              columns={columns}
              rows={data.templates}
              rowKey={(t) => t.id}
              rowProps={(t) => (editing === t.id ? undefined : { "data-testid": "template-row" })}
              fullRow={(t) => (editing === t.id ? <TemplateEditor template={t} onDone={() => setEditing(null)} /> : null)}
              actions={{
                className: "row-actions",
                cell: (t) => (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => setEditing(t.id)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>
                    <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(t)} aria-label={`Delete ${t.name}`}>
                      Delete
                    </button>
                  </>
                ),
              }}
            />
          </section>
        )}
      </QueryState>
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
    </>
  );
}
