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
/**
 * Dashboards wanted, newest last. The server keeps one dashboard per socket (joining one leaves
 * the one before), so the newest wins, and when it goes the one before it is joined again.
 */
const dashboards: { caseId: number | null }[] = [];
let joinedDashboard: number | null | undefined;
/** After the server cuts the socket: one reconnect attempt this long after, at most one a minute. */
const SERVER_RETRY_DELAY_MS = 1500;
const SERVER_RETRY_EVERY_MS = 60_000;
let lastServerRetry = 0;

function joinDashboard(s: SwitchyardSocket) {
  const top = dashboards[dashboards.length - 1];
  if (!top || !s.connected) return;
  if (joinedDashboard === top.caseId) return;
  joinedDashboard = top.caseId;
  s.emit("jobs:subscribe", top.caseId);
}

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
    joinedDashboard = undefined; // the server forgot it with the old connection
    if (socket) joinDashboard(socket);
  });
  socket.on("disconnect", (reason) => {
    joinedDashboard = undefined;
    setStatus("disconnected");
    // The server cut the socket (sign-out, expiry, a role or password change, deletion: issue 19)
    // and Socket.IO will not reconnect by itself. Try once: a still-valid session (another tab
    // signed in again) is live again; otherwise the handshake is refused, connect_error leaves the
    // status "disconnected" (no endless "Connecting…"), and the page's next API call answers 401.
    if (reason === "io server disconnect" && Date.now() - lastServerRetry > SERVER_RETRY_EVERY_MS) {
      lastServerRetry = Date.now();
      setTimeout(() => {
        if (!socket || socket.connected) return;
        setStatus("connecting");
        socket.connect();
      }, SERVER_RETRY_DELAY_MS);
    }
  });
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

/** Joins the dashboard of one case (progress and updates of its jobs), or of every visible case for null. */
export function subscribeDashboard(caseId: number | null): () => void {
  const s = getSocket();
  const entry = { caseId };
  dashboards.push(entry);
  joinDashboard(s);
  // The server has no "leave dashboard" event; staying joined is harmless (events are idempotent patches).
  return () => {
    const i = dashboards.indexOf(entry);
    if (i >= 0) dashboards.splice(i, 1);
    joinDashboard(s);
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
