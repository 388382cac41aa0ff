"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "./api";
import { queryKeys } from "./query-keys";

/**
 * Retries are tracked by job, not by row: a retry deletes and rewrites the job's error rows, so
 * the rows (keyed by error id) are replaced as soon as the job runs again; state kept in a row would
 * be lost with it and the "Queued" confirmation would flash by (or never show for a small file).
 * It lives above the table, which unmounts while the retried job has no error rows yet.
 */
export function useJobRetries() {
  const qc = useQueryClient();
  const [queued, setQueued] = useState<ReadonlySet<string>>(new Set());
  const retry = useMutation({
    mutationFn: (jobId: string) => api.retryJob(jobId),
    onSuccess: (_data, jobId) => {
      setQueued((prev) => new Set(prev).add(jobId));
      void qc.invalidateQueries({ queryKey: queryKeys.errors.all });
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
    },
  });
  return { retry, queued };
}

export type JobRetries = ReturnType<typeof useJobRetries>;
