"use client";

import Link from "next/link";
import { hrefWithCase } from "@/lib/client/case-url";
import type { AllErrorsResponse } from "@/lib/schemas/responses";
import type { JobRetries } from "@/lib/client/use-job-retries";
import { DataTable, type Column, type PaginationProps } from "./data-table";

type Row = AllErrorsResponse["errors"][number];

function RetryJobButton({ jobId, fileName, retries }: { jobId: string; fileName: string; retries: JobRetries }) {
  const { retry, queued } = retries;
  const pending = retry.isPending && retry.variables === jobId;
  const failed = retry.isError && retry.variables === jobId;
  return (
    <>
      <button type="button" className="btn btn-small" disabled={pending || queued.has(jobId)} onClick={() => retry.mutate(jobId)} aria-label={`Retry job ${fileName}`}>
        {queued.has(jobId) ? "Queued" : pending ? "Retrying…" : "Retry job"}
      </button>
      {failed && (
        <span className="alert" role="alert">
          {retry.error.message}
        </span>
      )}
    </>
  );
}

/** The raw line in monospace next to the reason, so an admin can see what the carrier sent. */
export function ErrorsTable({
  caseId,
  errors,
  retries,
  empty,
  pagination,
}: {
  caseId: number;
  errors: readonly Row[];
  retries: JobRetries;
  empty?: string;
  pagination?: PaginationProps;
}) {
  const columns: Column<Row>[] = [
    { key: "file", header: "File", cell: (e) => <Link href={hrefWithCase(`/jobs/${encodeURIComponent(e.jobId)}`, caseId)}>{e.fileName}</Link> },
    { key: "line", header: "Line", numeric: true, cell: (e) => e.line },
    { key: "code", header: "Code", cell: (e) => <code>{e.code}</code> },
    {
      key: "reason",
      header: "Reason",
      cell: (e) => (
        <>
          {e.field ? <strong>{e.field}: </strong> : null}
          {e.message}
        </>
      ),
    },
    { key: "raw", header: "Raw line", cell: (e) => <div className="raw">{e.raw}</div> },
  ];
  return (
    <DataTable
      columns={columns}
      rows={errors}
      rowKey={(e) => e.id}
      rowProps={(e) => ({ "data-testid": "error-row", "data-code": e.code })}
      empty={empty}
      pagination={pagination}
      actions={{ label: "Action", cell: (e) => <RetryJobButton jobId={e.jobId} fileName={e.fileName} retries={retries} /> }}
    />
  );
}
