"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { JobDto, ProgressEvent } from "@/lib/schemas/job";
import { isTerminal, patchJobProgress, replaceJob } from "./job-cache";
import { queryKeys } from "./query-keys";
import { getSocket, subscribeJob } from "./socket";

/**
 * Joins the job's room and keeps the react-query cache current from its events.
 * Returns the latest tick, which alone carries rows/s and ETA.
 */
export function useJobLive(jobId: string | null): ProgressEvent | null {
  const qc = useQueryClient();
  const [progress, setProgress] = useState<ProgressEvent | null>(null);

  useEffect(() => {
    if (!jobId) return;
    const socket = getSocket();
    // A job that ended before we joined its room sends no job:updated: the re-read is then what
    // says it finished, and the case's counts (the switcher) must be re-read with it.
    const refetch = () =>
      void qc.invalidateQueries({ queryKey: queryKeys.jobs.detail(jobId) }).then(() => {
        const job = qc.getQueryData<{ job?: JobDto }>(queryKeys.jobs.detail(jobId))?.job;
        if (job && isTerminal(job)) void qc.invalidateQueries({ queryKey: queryKeys.cases.all });
      });
    const onProgress = (ev: ProgressEvent) => {
      if (ev.jobId !== jobId) return;
      patchJobProgress(qc, ev);
      setProgress(ev);
    };
    const onUpdated = (job: JobDto) => {
      if (job.id !== jobId) return;
      replaceJob(qc, job);
      // The plan and the error table only arrive with the detail fetch; the case's counts changed.
      if (isTerminal(job)) {
        refetch();
        void qc.invalidateQueries({ queryKey: queryKeys.cases.all });
      }
    };
    socket.on("job:progress", onProgress);
    socket.on("job:updated", onUpdated);
    // Progress sent while we were disconnected is gone: re-read the job.
    socket.io.on("reconnect", refetch);
    // Re-read once joined: the job may have moved between our first fetch and the join.
    const unsubscribe = subscribeJob(jobId, refetch);
    return () => {
      socket.off("job:progress", onProgress);
      socket.off("job:updated", onUpdated);
      socket.io.off("reconnect", refetch);
      unsubscribe();
    };
  }, [jobId, qc]);

  return progress && progress.jobId === jobId ? progress : null;
}
