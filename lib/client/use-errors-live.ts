"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { JobDto } from "@/lib/schemas/job";
import { isTerminal } from "./job-cache";
import { queryKeys } from "./query-keys";
import { getSocket } from "./socket";
import { useJobsLive } from "./use-jobs-live";

/**
 * The error table of a case, live: a job of the case that finishes (a retry re-writes its rejected
 * rows) refetches it, so the rows come back without a reload.
 */
export function useErrorsLive(caseId: number): void {
  const qc = useQueryClient();
  useJobsLive(caseId);
  useEffect(() => {
    const socket = getSocket();
    const onUpdated = (job: JobDto) => {
      if (job.caseId === caseId && isTerminal(job)) void qc.invalidateQueries({ queryKey: queryKeys.errors.all });
    };
    socket.on("job:updated", onUpdated);
    return () => void socket.off("job:updated", onUpdated);
  }, [caseId, qc]);
}
