"use client";

import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@/lib/schemas/socket-events";

export type SwitchyardSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type SocketStatus = "connecting" | "connected" | "disconnected";

let socket: SwitchyardSocket | null = null;
let status: SocketStatus = "connecting";
const statusListeners = new Set<() => void>();
/** Room memberships are per server-side socket and vanish on reconnect, so we count them and re-join. */
const jobRooms = new Map<string, number>();
let dashboardRefs = 0;

function setStatus(next: SocketStatus) {
  status = next;
  for (const l of statusListeners) l();
}

/** The one typed socket, created lazily in the browser (same origin, default path). */
export function getSocket(): SwitchyardSocket {
  if (socket) return socket;
  socket = io({ autoConnect: true, reconnectionDelayMax: 5000 });
  socket.on("connect", () => {
    setStatus("connected");
    for (const id of jobRooms.keys()) socket?.emit("job:subscribe", id);
    if (dashboardRefs > 0) socket?.emit("jobs:subscribe");
  });
  socket.on("disconnect", () => setStatus("disconnected"));
  socket.io.on("reconnect_attempt", () => setStatus("connecting"));
  socket.on("connect_error", () => setStatus("disconnected"));
  return socket;
}

/** Joins room `job:<id>`; `onJoined` fires after the server's ack (or a timeout when the server sends none). */
export function subscribeJob(jobId: string, onJoined?: () => void): () => void {
  const s = getSocket();
  const refs = jobRooms.get(jobId) ?? 0;
  jobRooms.set(jobId, refs + 1);
  if (refs === 0 && s.connected) {
    s.timeout(3000).emit("job:subscribe", jobId, () => onJoined?.());
  } else if (onJoined) {
    queueMicrotask(onJoined);
  }
  return () => {
    const left = (jobRooms.get(jobId) ?? 1) - 1;
    if (left > 0) return void jobRooms.set(jobId, left);
    jobRooms.delete(jobId);
    if (s.connected) s.emit("job:unsubscribe", jobId);
  };
}

/** Joins the dashboard room (progress of every job). */
export function subscribeDashboard(): () => void {
  const s = getSocket();
  dashboardRefs += 1;
  if (dashboardRefs === 1 && s.connected) s.emit("jobs:subscribe");
  // The server has no "leave dashboard" event; staying joined is harmless (events are idempotent patches).
  return () => {
    dashboardRefs = Math.max(0, dashboardRefs - 1);
  };
}

export function onSocketStatus(listener: () => void): () => void {
  getSocket();
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}

export function getSocketStatus(): SocketStatus {
  return status;
}
