"use client";

import Link from "next/link";
import { useState } from "react";
import type { CaseDto } from "@/lib/schemas/case";
import { caseHref, hrefWithCase } from "@/lib/client/case-url";
import { formatCount, formatDateTime, formatRelative } from "@/lib/client/format";
import { CaseEditForm } from "./case-edit-form";
import { DataTable, type Column } from "./data-table";
import styles from "./case-row.module.css";

/** Every case the user may see, with what is in it; managers rename (inline) and delete from here. */
export function CasesTable({ cases, currentId, onDelete }: { cases: readonly CaseDto[]; currentId: number | null; onDelete: (c: CaseDto) => void }) {
  const [editing, setEditing] = useState<number | null>(null);
  const columns: Column<CaseDto>[] = [
    {
      key: "name",
      header: "Case",
      className: styles.name,
      cell: (c) => (
        <>
          <Link href={caseHref(c.id)}>{c.name}</Link>
          {c.id === currentId && <span className={styles.badge}>current</span>}
          {c.description && (
            <span className={styles.description} title={c.description}>
              {c.description}
            </span>
          )}
        </>
      ),
    },
    { key: "role", header: "Your role", className: styles.role, cell: (c) => c.myRole ?? <span className="muted">admin (not a member)</span> },
    { key: "jobs", header: "Files", numeric: true, cellProps: () => ({ "data-testid": "case-jobs" }), cell: (c) => formatCount(c.counts.jobs) },
    { key: "records", header: "Records", numeric: true, cellProps: () => ({ "data-testid": "case-records" }), cell: (c) => formatCount(c.counts.records) },
    { key: "members", header: "Members", numeric: true, cellProps: () => ({ "data-testid": "case-members" }), cell: (c) => formatCount(c.counts.members) },
    {
      key: "updated",
      header: "Updated",
      className: styles.time,
      cell: (c) => (
        <time dateTime={c.updatedAt} title={formatDateTime(c.updatedAt)}>
          {formatRelative(c.updatedAt)}
        </time>
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={cases}
      rowKey={(c) => c.id}
      rowProps={(c) => ({
        "data-testid": "case-row",
        "data-case-id": c.id,
        className: c.id === currentId && editing !== c.id ? styles.current : undefined,
      })}
      fullRow={(c) => (editing === c.id ? <CaseEditForm value={c} compact onDone={() => setEditing(null)} /> : null)}
      empty="You are not in any case yet. Create one above, or ask a colleague to add you to theirs."
      actions={{
        cell: (c) => (
          <div className="row-actions">
            {c.id !== currentId && (
              <Link href={hrefWithCase("/jobs", c.id)} className="btn btn-small" aria-label={`Work in ${c.name}`}>
                Work in it
              </Link>
            )}
            {c.canManage && (
              <>
                <button type="button" className="btn btn-small" onClick={() => setEditing(c.id)} aria-label={`Rename ${c.name}`}>
                  Rename
                </button>
                <button type="button" className="btn btn-small btn-danger" onClick={() => onDelete(c)} aria-label={`Delete ${c.name}`}>
                  Delete
                </button>
              </>
            )}
          </div>
        ),
      }}
    />
  );
}
