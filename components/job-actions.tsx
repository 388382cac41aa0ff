"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { JobDto } from "@/lib/schemas/job";
import { api } from "@/lib/client/api";
import { hrefWithCase } from "@/lib/client/case-url";
import { isTerminal, replaceJob } from "@/lib/client/job-cache";
import { queryKeys } from "@/lib/client/query-keys";
import styles from "./job-actions.module.css";

/** Retry / Cancel / Delete. Delete asks once more inline (no blocking browser dialog) and returns to the list. */
export function JobActions({ job }: { job: JobDto }) {
  const qc = useQueryClient();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);

  const onJob = ({ job: next }: { job: JobDto }) => {
    replaceJob(qc, next);
    void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
  };
  const retry = useMutation({ mutationFn: () => api.retryJob(job.id), onSuccess: onJob });
  const cancel = useMutation({ mutationFn: () => api.cancelJob(job.id), onSuccess: onJob });
  const remove = useMutation({
    mutationFn: () => api.deleteJob(job.id),
    onSuccess: () => {
      qc.removeQueries({ queryKey: queryKeys.jobs.detail(job.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.lists() });
      void qc.invalidateQueries({ queryKey: queryKeys.cases.all }); // its counts
      router.push(hrefWithCase("/jobs", job.caseId));
    },
  });
  const busy = retry.isPending || cancel.isPending || remove.isPending;
  const error = retry.error ?? cancel.error ?? remove.error;
  // Mirrors the server's rules so buttons are only live when the request can succeed.
  const running = job.status === "processing" || job.status === "queued";
  // A completed job would only load its rows again as duplicates: nothing to retry.
  const canRetry = !running && job.status !== "pending" && job.status !== "completed";
  const canCancel = !isTerminal(job) || job.status === "needs_review";
  const canDelete = job.status !== "processing";

  return (
    <div className={styles.actions}>
      <div className={styles.buttons}>
        {confirming ? (
          <div className={styles.confirm} role="group" aria-label="Confirm delete">
            <span>Delete this job and its records?</span>
            <button type="button" className="btn btn-danger-solid" disabled={busy} onClick={() => remove.mutate()} autoFocus>
              {remove.isPending ? "Deleting…" : "Delete"}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setConfirming(false)}>
              Keep
            </button>
          </div>
        ) : (
          <>
            <button
              type="button"
              className="btn"
              disabled={busy || !canRetry}
              onClick={() => retry.mutate()}
              title={canRetry ? "Run this file again" : job.status === "completed" ? "The job completed: every row loaded" : "The job is already queued or running"}
            >
              {retry.isPending ? "Retrying…" : "Retry"}
            </button>
            <button type="button" className="btn" disabled={busy || !canCancel} onClick={() => cancel.mutate()}>
              {cancel.isPending ? "Cancelling…" : "Cancel"}
            </button>
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy || !canDelete}
              onClick={() => setConfirming(true)}
              title={canDelete ? undefined : "Cancel the job before deleting it"}
            >
              Delete
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="alert" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
