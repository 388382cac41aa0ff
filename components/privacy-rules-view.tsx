"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { adminApi } from "@/lib/client/admin-api";
import type { PrivacyRuleDto } from "@/lib/schemas/responses";
import { formatDateTime } from "@/lib/client/format";
import { ConfirmDialog } from "./confirm-dialog";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";
import { queryKeys } from "@/lib/client/query-keys";

const KEY = queryKeys.privacyRules.all;

function AddRuleForm() {
  const qc = useQueryClient();
  const add = useMutation({
    mutationFn: adminApi.addPrivacyRule,
    onSuccess: () => void qc.invalidateQueries({ queryKey: KEY }),
  });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const note = String(f.get("note") ?? "").trim();
    add.mutate(
      {
        pattern: String(f.get("pattern")),
        kind: f.get("kind") === "prefix" ? "prefix" : "number",
        action: f.get("action") === "suppress" ? "suppress" : "mask",
        ...(note ? { note } : {}),
      },
      { onSuccess: () => form.reset() },
    );
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Add a privacy rule">
      <label className="field">
        <span>Number or prefix</span>
        <input name="pattern" required inputMode="tel" placeholder="+1312555" />
      </label>
      <label className="field">
        <span>Kind</span>
        <select name="kind">
          <option value="number">Exact number</option>
          <option value="prefix">Prefix</option>
        </select>
      </label>
      <label className="field">
        <span>Action</span>
        <select name="action">
          <option value="mask">Mask</option>
          <option value="suppress">Suppress record</option>
        </select>
      </label>
      <label className="field">
        <span>Note</span>
        <input name="note" maxLength={200} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={add.isPending}>
        {add.isPending ? "Adding…" : "Add rule"}
      </button>
      {add.error && (
        <p className="alert" role="alert">
          {add.error.message}
        </p>
      )}
    </form>
  );
}

const COLUMNS: Column<PrivacyRuleDto>[] = [
  { key: "pattern", header: "Pattern", className: "mono", cell: (r) => r.pattern },
  { key: "kind", header: "Kind", cell: (r) => r.kind },
  { key: "action", header: "Action", cell: (r) => r.action },
  { key: "note", header: "Note", cell: (r) => r.note ?? "—" },
  { key: "created", header: "Created", cell: (r) => formatDateTime(r.createdAt) },
];

/** Privacy rules: applied on load, before hashing, to files loaded after the rule exists. */
export function PrivacyRulesView() {
  const qc = useQueryClient();
  const rules = useQuery({ queryKey: KEY, queryFn: adminApi.privacyRules });
  const [deleting, setDeleting] = useState<PrivacyRuleDto | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => adminApi.deletePrivacyRule(id),
    onSuccess: () => {
      setDeleting(null);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
  return (
    <section className="card" aria-label="Privacy rules">
      <AddRuleForm />
      <QueryState query={rules} retry isEmpty={(data) => data.rules.length === 0} empty="No rules yet.">
        {(data) => (
          <DataTable
            columns={COLUMNS}
            rows={data.rules}
            rowKey={(r) => r.id}
            rowProps={() => ({ "data-testid": "rule-row" })}
            actions={{
              cell: (r) => (
                <button type="button" className="btn btn-small btn-danger" onClick={() => setDeleting(r)} aria-label={`Delete rule ${r.pattern}`}>
                  Delete
                </button>
              ),
            }}
          />
        )}
      </QueryState>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the rule for ${deleting?.pattern ?? ""}?`}
        confirmLabel="Delete rule"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => deleting && remove.mutate(deleting.id)}
        onClose={() => setDeleting(null)}
      >
        Records already loaded stay as they were masked; new files are no longer affected.
      </ConfirmDialog>
    </section>
  );
}
