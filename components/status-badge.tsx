import type { JobStatus } from "@/lib/schemas/job";
import styles from "./status-badge.module.css";

export const STATUS_LABELS: Record<JobStatus, string> = {
  pending: "Pending",
  queued: "Queued",
  processing: "Processing",
  needs_review: "Needs review",
  completed: "Completed",
  partial: "Partial",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** A job's status as a coloured pill; `data-status` carries the machine value for tests and styling. */
export function StatusBadge({ status, testId }: { status: JobStatus; testId?: string }) {
  return (
    <span className={`${styles.badge} ${styles[status] ?? ""}`} data-status={status} data-testid={testId}>
      <span className={styles.dot} aria-hidden="true" />
      {STATUS_LABELS[status]}
    </span>
  );
}
