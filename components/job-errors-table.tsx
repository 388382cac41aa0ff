"use client";

import { useState } from "react";
import type { ErrorDto } from "@/lib/schemas/api";
import { useJobErrors } from "@/lib/client/use-jobs";
import { DataTable, type Column } from "./data-table";
import styles from "./job-errors-table.module.css";

const PAGE_SIZE = 50;

interface Props {
  jobId: string;
  /** The first errors, delivered with the job detail; later pages come from the errors endpoint. */
  firstPage: readonly ErrorDto[];
  /** Rejected row count; the pager's total until the endpoint reports its own. */
  rejected: number;
}

const COLUMNS: Column<ErrorDto>[] = [
  { key: "line", header: "Line", numeric: true, cell: (e) => e.line },
  { key: "field", header: "Field", cell: (e) => e.field ?? <span className="muted">—</span> },
  { key: "code", header: "Code", cell: (e) => <code className={styles.code}>{e.code}</code> },
  { key: "message", header: "Message", className: styles.message, cell: (e) => e.message },
  {
    key: "raw",
    header: "Raw text",
    cell: (e) => (
      <pre className={styles.raw} title={e.raw}>
        {e.raw}
      </pre>
    ),
  },
];

/** Rows that did not load: where, which field, why, and the raw text as it appeared in the file. */
export function JobErrorsTable({ jobId, firstPage, rejected }: Props) {
  const [page, setPage] = useState(1);
  const later = useJobErrors(jobId, page, PAGE_SIZE);
  const rows = page === 1 ? firstPage : (later.data?.errors ?? []);
  const total = page > 1 && later.data ? later.data.total : Math.max(rejected, firstPage.length);

  if (firstPage.length === 0) {
    return <p className="card-body muted">No rejected rows.</p>;
  }
  return (
    <DataTable
      columns={COLUMNS}
      rows={rows}
      rowKey={(e) => e.id}
      rowProps={() => ({ "data-testid": "error-row" })}
      error={later.error}
      onRetry={() => void later.refetch()}
      pagination={total > PAGE_SIZE ? { page, pageSize: PAGE_SIZE, total, onPage: setPage, label: "Error pages" } : undefined}
    />
  );
}
