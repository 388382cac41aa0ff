"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "./api";
import { isTerminal } from "./job-cache";
import { queryKeys } from "./query-keys";
import { useSocketStatus } from "./use-socket-status";

/**
 * One job's detail. Sockets carry the live changes; a slow poll while the job runs
 * (fast while the socket is down) is the safety net for a missed final event.
 */
export function useJob(id: string) {
  const socket = useSocketStatus();
  return useQuery({
    queryKey: queryKeys.jobs.detail(id),
    queryFn: () => api.getJob(id),
    refetchInterval: (q) => {
      const job = q.state.data?.job;
      if (!job || isTerminal(job)) return false;
      return socket === "connected" ? 15_000 : 3_000;
    },
  });
}
