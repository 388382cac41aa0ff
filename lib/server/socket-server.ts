import type http from "node:http";
import { Server } from "socket.io";
import type { JobEvents } from "../jobs/job-events";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/socket-events";
import { DASHBOARD_ROOM, jobRoom } from "../schemas/socket-events";
import type { ProgressEvent } from "../schemas/job";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents>;

/** Socket.IO on the HTTP server's port; clients join `job:<id>` rooms or the dashboard room. */
export function createSocketServer(httpServer: http.Server, canSeeJob: (jobId: string) => Promise<boolean>): IoServer {
  const io: IoServer = new Server(httpServer, { serveClient: false });
  io.on("connection", (socket) => {
    socket.on("job:subscribe", async (jobId, ack) => {
      const ok = typeof jobId === "string" && (await canSeeJob(jobId).catch(() => false));
      if (ok) await socket.join(jobRoom(jobId));
      ack?.(ok ? { ok: true } : { ok: false, error: "You may not follow this job." });
    });
    socket.on("job:unsubscribe", (jobId) => void socket.leave(jobRoom(String(jobId))));
    socket.on("jobs:subscribe", async (ack) => {
      await socket.join(DASHBOARD_ROOM);
      ack?.({ ok: true });
    });
  });
  return io;
}

/** Sends job events to their rooms, at most one progress event per job per 100 ms. */
export function socketJobEvents(io: IoServer): JobEvents {
  const last = new Map<string, number>();
  return {
    progress(event: ProgressEvent) {
      const now = Date.now();
      const final = event.stage === "done" || event.stage === "finalize";
      if (!final && now - (last.get(event.jobId) ?? 0) < 100) return;
      last.set(event.jobId, now);
      io.to(jobRoom(event.jobId)).to(DASHBOARD_ROOM).emit("job:progress", event);
    },
    updated(job) {
      last.delete(job.id);
      io.to(jobRoom(job.id)).to(DASHBOARD_ROOM).emit("job:updated", job);
    },
  };
}
