"use client";

import Link from "next/link";
import { jobHref } from "@/lib/client/case-url";
import { formatBytes, formatPercent } from "@/lib/client/format";
import { dismissUpload, type UploadItem as Item } from "@/lib/client/upload-store";
import { useJob } from "@/lib/client/use-job";
import { useJobLive } from "@/lib/client/use-job-live";
import { isTerminal } from "@/lib/client/job-cache";
import { JobCountsInline } from "./job-counts-inline";
import { JobProgressLine } from "./job-progress-line";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import styles from "./upload-item.module.css";

/** One dropped file: its upload bar, then its job's live processing, then the outcome. */
export function UploadItem({ item, showCase }: { item: Item; showCase: boolean }) {
  const uploading = item.phase === "uploading";
  return (
    <li className={styles.item} data-testid="upload-item" data-phase={item.phase} data-job-id={item.jobId ?? undefined}>
      <div className={styles.head}>
        <div className={styles.name}>
          <span className={styles.file} title={item.fileName}>
            {item.fileName}
          </span>
          <span className={styles.size}>{formatBytes(item.sizeBytes)}</span>
          {showCase && (
            <span className={styles.case} title="The case this file went into">
              {item.caseName}
            </span>
          )}
        </div>
        {uploading && <span className={styles.phase}>Uploading {formatPercent(uploadedPercent(item))}</span>}
        {item.phase === "failed" && <span className={styles.failed}>Upload failed</span>}
        <button
          type="button"
          className={`btn btn-small ${styles.dismiss}`}
          onClick={() => dismissUpload(item.key)}
          aria-label={uploading ? `Cancel upload of ${item.fileName}` : `Remove ${item.fileName} from this list`}
          title={uploading ? "Cancel upload" : "Remove from list"}
        >
          ×
        </button>
      </div>
      {uploading && <ProgressBar value={uploadedPercent(item)} label={`Uploading ${item.fileName}`} />}
      {item.phase === "failed" && (
        <p className="alert" role="alert" data-testid="upload-error">
          {item.error}
        </p>
      )}
      {item.jobId && <UploadedJob jobId={item.jobId} />}
    </li>
  );
}

function UploadedJob({ jobId }: { jobId: string }) {
  const tick = useJobLive(jobId);
  const { data, error } = useJob(jobId);
  const job = data?.job;
  if (!job) {
    return error ? (
      <p className="alert" role="alert">
        {error.message}
      </p>
    ) : (
      <ProgressBar value={null} label="Waiting for the job to start" />
    );
  }
  return (
    <div className={styles.job}>
      <div className={styles.statusRow}>
        <span aria-live="polite">
          <StatusBadge status={job.status} testId="job-status" />
        </span>
        {job.error && isTerminal(job) && <span className={styles.errorText}>{job.error.message}</span>}
        {job.status === "needs_review" && job.reviewReason && <span className={styles.errorText}>{job.reviewReason}</span>}
        <Link href={jobHref(job)} className={styles.link} data-testid="job-link">
          View job<span className="visually-hidden"> {job.fileName}</span> →
        </Link>
      </div>
      <JobProgressLine job={job} tick={tick} />
      <JobCountsInline counts={job.counts} />
    </div>
  );
}

/** Bytes sent include the multipart envelope, so they pass the file's size at the end: never more than 100 %. */
function uploadedPercent(item: Item): number {
  return Math.min(100, (item.loaded / Math.max(1, item.sizeBytes)) * 100);
}
