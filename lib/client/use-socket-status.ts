"use client";

import { useSyncExternalStore } from "react";
import { getSocketStatus, onSocketStatus, type SocketStatus } from "./socket";

/** Live/connecting/offline, for the header indicator and for polling fallbacks. */
export function useSocketStatus(): SocketStatus {
  return useSyncExternalStore(onSocketStatus, getSocketStatus, () => "connecting");
}
