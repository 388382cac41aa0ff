import Link from "next/link";
import { jobHref } from "@/lib/client/case-url";
import type { JobDto } from "@/lib/schemas/job";
import { formatBytes, formatCarrier, formatCount, formatDateTime, formatRelative } from "@/lib/client/format";
import { isTerminal } from "@/lib/client/job-cache";
import { STAGE_LABELS } from "@/lib/client/stages";
import { ConfidenceMeter } from "./confidence-meter";
import { JobRowActions } from "./job-row-actions";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import styles from "./jobs-table.module.css";

/** The dashboard's table; running jobs show a live bar under their status; each row has its actions. */
export function JobsTable({ jobs }: { jobs: readonly JobDto[] }) {
  return (
    <div className="table-wrap">
      <table className={`table ${styles.table}`}>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Carrier</th>
            <th scope="col">Confidence</th>
            <th scope="col" className="num">Rows</th>
            <th scope="col" className="num">Inserted</th>
            <th scope="col" className="num">Duplicates</th>
            <th scope="col" className="num">Rejected</th>
            <th scope="col">Created</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id} data-testid="job-row" data-job-id={job.id}>
              <td className={styles.file}>
                <Link href={jobHref(job)} title={job.fileName}>
                  {job.fileName}
                </Link>
                <span className={styles.sub}>{formatBytes(job.sizeBytes)}{job.format ? ` · ${job.format.toUpperCase()}` : ""}</span>
              </td>
              <td className={styles.status}>
                <StatusBadge status={job.status} />
                {(job.status === "needs_review" || job.status === "failed") && (job.reviewReason ?? job.error?.message) && (
                  <span className={styles.reason} title={job.reviewReason ?? job.error?.message}>{job.reviewReason ?? job.error?.message}</span>
                )}
                {!isTerminal(job) && job.status !== "pending" && job.status !== "queued" && (
                  <div className={styles.live}>
                    <ProgressBar value={job.progress > 0 ? job.progress : null} size="sm" label={`Progress of ${job.fileName}`} />
                    <span>{job.stage ? STAGE_LABELS[job.stage] : "Starting"} · {Math.round(job.progress)}%</span>
                  </div>
                )}
              </td>
              <td>{formatCarrier(job.carrier)}</td>
              <td><ConfidenceMeter value={job.confidence} /></td>
              <td className="num">{formatCount(job.counts.rows)}</td>
              <td className="num">{formatCount(job.counts.inserted)}</td>
              <td className="num">{formatCount(job.counts.duplicates)}</td>
              <td className={`num ${job.counts.rejected > 0 ? styles.bad : ""}`}>{formatCount(job.counts.rejected)}</td>
              <td className={styles.time}>
                <time dateTime={job.createdAt} title={formatDateTime(job.createdAt)}>
                  {formatRelative(job.createdAt)}
                </time>
              </td>
              <td>
                <JobRowActions job={job} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
