import Link from "next/link";
import type { ReactNode } from "react";
import { jobHref } from "@/lib/client/case-url";
import type { JobDto } from "@/lib/schemas/job";
import { formatBytes, formatCarrier, formatCount, formatDateTime, formatRelative } from "@/lib/client/format";
import { isTerminal } from "@/lib/client/job-cache";
import { STAGE_LABELS } from "@/lib/client/stages";
import { ConfidenceMeter } from "./confidence-meter";
import { DataTable, type Column, type PaginationProps } from "./data-table";
import { JobRowActions } from "./job-row-actions";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import styles from "./jobs-table.module.css";

function StatusCell({ job }: { job: JobDto }) {
  const why = job.reviewReason ?? job.error?.message;
  return (
    <>
      <StatusBadge status={job.status} />
      {(job.status === "needs_review" || job.status === "failed") && why && (
        <span className={styles.reason} title={why}>
          {why}
        </span>
      )}
      {!isTerminal(job) && job.status !== "pending" && job.status !== "queued" && (
        <div className={styles.live}>
          <ProgressBar value={job.progress > 0 ? job.progress : null} size="sm" label={`Progress of ${job.fileName}`} />
          <span>
            {job.stage ? STAGE_LABELS[job.stage] : "Starting"} · {Math.round(job.progress)}%
          </span>
        </div>
      )}
    </>
  );
}

// On a phone the confidence and the row count are on the job's page.
const COLUMNS: Column<JobDto>[] = [
  {
    key: "file",
    header: "File",
    className: styles.file,
    cell: (job) => (
      <>
        <Link href={jobHref(job)} title={job.fileName}>
          {job.fileName}
        </Link>
        <span className={styles.sub}>
          {formatBytes(job.sizeBytes)}
          {job.format ? ` · ${job.format.toUpperCase()}` : ""}
        </span>
      </>
    ),
  },
  { key: "status", header: "Status", className: styles.status, cell: (job) => <StatusCell job={job} /> },
  { key: "carrier", header: "Carrier", cell: (job) => formatCarrier(job.carrier) },
  { key: "confidence", header: "Confidence", hideBelow: "phone", cell: (job) => <ConfidenceMeter value={job.confidence} /> },
  { key: "rows", header: "Rows", numeric: true, hideBelow: "phone", cell: (job) => formatCount(job.counts.rows) },
  { key: "inserted", header: "Inserted", numeric: true, cell: (job) => formatCount(job.counts.inserted) },
  { key: "duplicates", header: "Duplicates", numeric: true, cell: (job) => formatCount(job.counts.duplicates) },
  { key: "rejected", header: "Rejected", numeric: true, className: (job) => (job.counts.rejected > 0 ? styles.bad : undefined), cell: (job) => formatCount(job.counts.rejected) },
  {
    key: "quality",
    header: "Quality",
    headerTitle: "0–100: rows that loaded or were duplicates, weighted by the mapping's confidence, less 2 per suspicious gap",
    numeric: true,
    hideBelow: "phone",
    cellProps: () => ({ "data-testid": "job-quality" }),
    cell: (job) => (job.qualityScore === null ? "—" : job.qualityScore.toFixed(0)),
  },
  {
    key: "created",
    header: "Created",
    className: styles.time,
    cell: (job) => (
      <time dateTime={job.createdAt} title={formatDateTime(job.createdAt)}>
        {formatRelative(job.createdAt)}
      </time>
    ),
  },
];

/** The dashboard's table; running jobs show a live bar under their status; each row has its actions (pinned to the right). */
export function JobsTable({ jobs, empty, pagination }: { jobs: readonly JobDto[]; empty?: ReactNode; pagination?: PaginationProps }) {
  return (
    <DataTable
      columns={COLUMNS}
      rows={jobs}
      rowKey={(job) => job.id}
      rowProps={(job) => ({ "data-testid": "job-row", "data-job-id": job.id })}
      actions={{ cell: (job) => <JobRowActions job={job} /> }}
      empty={empty}
      pagination={pagination}
      className={styles.table}
    />
  );
}
