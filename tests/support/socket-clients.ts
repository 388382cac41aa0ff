import { io, type Socket } from "socket.io-client";
import type { JobDto } from "../../lib/schemas/job";
import type { ClientToServerEvents, ServerToClientEvents } from "../../lib/schemas/socket-events";

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connection that records what it receives and how it ended. */
export interface Watcher {
  socket: TestSocket;
  /** Every `job:updated` received, in order. */
  updates: JobDto[];
  casesChanged: number;
  /** Resolves with the disconnect reason ("io server disconnect" when the server cut it). */
  closed: Promise<string>;
  reason: string | null;
}

const open = new Set<TestSocket>();

/**
 * Connects over WebSocket with a session cookie or an API token (`auth.token`); no automatic
 * reconnection, so a cut stays visible. Rejects with the handshake's refusal.
 */
export function connectWatcher(base: string, cred: { cookie?: string; token?: string }): Promise<Watcher> {
  const socket: TestSocket = io(base, {
    transports: ["websocket"],
    reconnection: false,
    forceNew: true,
    extraHeaders: cred.cookie ? { cookie: cred.cookie } : {},
    auth: cred.token ? { token: cred.token } : {},
  });
  open.add(socket);
  const w: Watcher = { socket, updates: [], casesChanged: 0, reason: null, closed: null as unknown as Promise<string> };
  w.closed = new Promise((resolve) => socket.on("disconnect", (reason) => resolve((w.reason = reason))));
  socket.on("job:updated", (job) => void w.updates.push(job));
  socket.on("cases:changed", () => void w.casesChanged++);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(w));
    socket.once("connect_error", (err) => (socket.close(), reject(err)));
  });
}

/** Emits with an ack; resolves with the ack, or `{ok:false, error:"no ack"}` when none came within `ms`. */
export function emitAck(socket: TestSocket, event: "job:subscribe" | "jobs:subscribe", arg: string | number | null, ms = 3000): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, error: "no ack" }), ms);
    const done = (r: { ok: boolean; error?: string }) => (clearTimeout(timer), resolve(r));
    if (event === "job:subscribe") socket.emit("job:subscribe", arg as string, done);
    else socket.emit("jobs:subscribe", arg as number | null, done);
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `cond` every 20 ms; throws after `ms`. */
export async function waitUntil(cond: () => boolean, ms = 5000, what = "condition"): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Resolves with the disconnect reason, or rejects when the socket is still up after `ms`. */
export function cutWithin(w: Watcher, ms = 5000): Promise<string> {
  return Promise.race([w.closed, sleep(ms).then(() => Promise.reject(new Error(`socket still connected after ${ms} ms`)))]);
}

export function closeAllWatchers(): void {
  for (const s of open) s.close();
  open.clear();
}
