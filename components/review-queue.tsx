"use client";

import Link from "next/link";
import { useState } from "react";
import { useActiveCase } from "@/lib/client/active-case";
import { jobHref } from "@/lib/client/case-url";
import { formatCarrier, formatDateTime, formatRelative } from "@/lib/client/format";
import { useJobs } from "@/lib/client/use-jobs";
import { useJobsLive } from "@/lib/client/use-jobs-live";
import type { JobDto } from "@/lib/schemas/job";
import { ConfidenceMeter } from "./confidence-meter";
import { DataTable, type Column } from "./data-table";
import { QueryState } from "./query-state";

const PAGE_SIZE = 50;

const COLUMNS: Column<JobDto>[] = [
  { key: "file", header: "File", cell: (j) => <Link href={jobHref(j)}>{j.fileName}</Link> },
  { key: "carrier", header: "Carrier", cell: (j) => formatCarrier(j.carrier) },
  { key: "confidence", header: "Confidence", cell: (j) => <ConfidenceMeter value={j.confidence} /> },
  {
    key: "uploaded",
    header: "Uploaded",
    cell: (j) => (
      <time dateTime={j.createdAt} title={formatDateTime(j.createdAt)}>
        {formatRelative(j.createdAt)}
      </time>
    ),
  },
];

/** The case's jobs in needs_review, newest first, live. */
export function ReviewQueue() {
  const current = useActiveCase();
  const [page, setPage] = useState(1);
  const params = { caseId: current.id, status: "needs_review" as const, page, pageSize: PAGE_SIZE };
  useJobsLive(current.id);
  const jobs = useJobs(params);
  const waiting = (data: { jobs: readonly JobDto[] }) => data.jobs.filter((j) => j.status === "needs_review");
  return (
    <QueryState
      query={jobs}
      inset={false}
      retry
      isEmpty={(data) => waiting(data).length === 0}
      empty={`Nothing in ${current.name} is waiting for review.`}
      emptyClassName="card empty-note muted"
    >
      {(data) => (
        <section className="card" aria-label="Jobs waiting for review">
          <DataTable
            columns={COLUMNS}
            rows={waiting(data)}
            rowKey={(j) => j.id}
            rowProps={(j) => ({ "data-testid": "review-row", "data-job-id": j.id })}
            actions={{
              label: "Action",
              cell: (j) => (
                <Link className="btn btn-small btn-primary" href={jobHref(j, "/review")}>
                  Review mapping
                </Link>
              ),
            }}
            pagination={{ page, pageSize: PAGE_SIZE, total: data.total, onPage: setPage, label: "Review pages" }}
          />
        </section>
      )}
    </QueryState>
  );
}
