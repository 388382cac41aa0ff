"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { queryKeys } from "./query-keys";
import { getSocket } from "./socket";

/**
 * `cases:changed` (added to or removed from a case, a case renamed or deleted) refetches the case
 * list: a colleague adding you to their case makes it appear in the switcher without a reload.
 * Whatever was missed while disconnected is refetched on reconnect.
 */
export function useCasesLive(enabled: boolean): void {
  const qc = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const socket = getSocket();
    const refetch = () => void qc.invalidateQueries({ queryKey: queryKeys.cases.all });
    socket.on("cases:changed", refetch);
    socket.io.on("reconnect", refetch);
    return () => {
      socket.off("cases:changed", refetch);
      socket.io.off("reconnect", refetch);
    };
  }, [enabled, qc]);
}
