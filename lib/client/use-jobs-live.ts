"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { JobDto, ProgressEvent } from "@/lib/schemas/job";
import { isTerminal, patchJobProgress, replaceJob } from "./job-cache";
import { queryKeys } from "./query-keys";
import { getSocket, subscribeDashboard } from "./socket";

/**
 * The dashboard of one case (null: every case the user may see): patch rows in place; refetch the
 * case's lists when a job we do not hold appears (a colleague's upload) or after a reconnect.
 */
export function useJobsLive(caseId: number | null): void {
  const qc = useQueryClient();

  useEffect(() => {
    const socket = getSocket();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // New jobs can arrive in bursts (many files dropped at once): one refetch per burst.
    const refetchLists = () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void qc.invalidateQueries({ queryKey: queryKeys.jobs.caseLists(caseId) });
      }, 1000);
    };
    // Ticks of jobs on other pages would refetch every second; one refetch per unknown job is enough.
    const unknown = new Set<string>();
    const onProgress = (ev: ProgressEvent) => {
      if (patchJobProgress(qc, ev) || unknown.has(ev.jobId)) return;
      unknown.add(ev.jobId);
      refetchLists();
    };
    const onUpdated = (job: JobDto) => {
      if (caseId !== null && job.caseId !== caseId) return;
      if (!replaceJob(qc, job)) refetchLists();
      // A finished job changes its case's counts (the switcher and the Cases page show them).
      if (isTerminal(job)) void qc.invalidateQueries({ queryKey: queryKeys.cases.all });
    };
    const onReconnect = () => void qc.invalidateQueries({ queryKey: queryKeys.jobs.all });
    socket.on("job:progress", onProgress);
    socket.on("job:updated", onUpdated);
    socket.io.on("reconnect", onReconnect);
    const unsubscribe = subscribeDashboard(caseId);
    return () => {
      if (timer) clearTimeout(timer);
      socket.off("job:progress", onProgress);
      socket.off("job:updated", onUpdated);
      socket.io.off("reconnect", onReconnect);
      unsubscribe();
    };
  }, [qc, caseId]);
}
