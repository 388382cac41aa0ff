"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { isTerminal, replaceJob } from "@/lib/client/job-cache";
import { queryKeys } from "@/lib/client/query-keys";
import type { JobDto } from "@/lib/schemas/job";
import { ConfirmDialog } from "./confirm-dialog";
import styles from "./job-row-actions.module.css";

/**
 * Retry / Cancel / Delete on a dashboard row; delete asks in a dialog first. Inline on wide
 * screens; on a phone behind one "Actions" button (a <details> whose content CSS keeps open above
 * 760 px), so the row stays narrow.
 */
export function JobRowActions({ job }: { job: JobDto }) {
  const qc = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const onJob = ({ job: next }: { job: JobDto }) => {
    replaceJob(qc, next);
    void qc.invalidateQueries({ queryKey: queryKeys.jobs.lists() });
  };
  const retry = useMutation({ mutationFn: () => api.retryJob(job.id), onSuccess: onJob });
  const cancel = useMutation({ mutationFn: () => api.cancelJob(job.id), onSuccess: onJob });
  const remove = useMutation({
    mutationFn: () => api.deleteJob(job.id),
    onSuccess: () => {
      setConfirming(false);
      qc.removeQueries({ queryKey: queryKeys.jobs.detail(job.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.cases.all }); // its counts
    },
  });
  const busy = retry.isPending || cancel.isPending || remove.isPending;
  // The same rules as the server's, so a button is only live when it can work.
  const running = job.status === "processing" || job.status === "queued";
  const error = retry.error ?? cancel.error;
  return (
    <>
      <details className={styles.menu}>
        <summary className={styles.menuButton} aria-label={`Actions for ${job.fileName}`}>
          Actions
        </summary>
        <div className={`row-actions ${styles.panel}`}>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy || running || job.status === "pending" || job.status === "completed"}
            onClick={() => retry.mutate()}
            aria-label={`Retry ${job.fileName}`}
          >
            Retry
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy || (isTerminal(job) && job.status !== "needs_review")}
            onClick={() => cancel.mutate()}
            aria-label={`Cancel ${job.fileName}`}
          >
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={busy || job.status === "processing"}
            onClick={() => setConfirming(true)}
            aria-label={`Delete ${job.fileName}`}
          >
            Delete
          </button>
        </div>
      </details>
      {error && (
        <span className="alert" role="alert">
          {error.message}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete ${job.fileName}?`}
        confirmLabel="Delete job"
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      >
        The job, its {job.counts.inserted.toLocaleString("en-US")} loaded records and its error rows are removed for good.
      </ConfirmDialog>
    </>
  );
}
