import type http from "node:http";
import { Server } from "socket.io";
import type { Db } from "../db/prisma";
import { cookieValue, SESSION_COOKIE, userForToken } from "../auth/session";
import type { SessionUser } from "../auth/roles";
import type { JobEvents } from "../jobs/job-events";
import { TERMINAL_STATUSES, type JobDto, type ProgressEvent } from "../schemas/job";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/socket-events";
import { jobRoom } from "../schemas/socket-events";
import { ProgressThrottle } from "./progress-throttle";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: SessionUser }>;

/** Dashboard rooms: a user's own jobs, every job (admins), and jobs reviewers may see. */
const userRoom = (userId: string) => `jobs:user:${userId}`;
const ADMIN_ROOM = "jobs:admin";
const REVIEW_ROOM = "jobs:review";

/**
 * Socket.IO on the web server's port. The handshake must carry a valid session cookie; joining a
 * job's room is checked against the same visibility rule as the HTTP routes.
 */
export function createSocketServer(httpServer: http.Server, db: Db, canSeeJob: (user: SessionUser, jobId: string) => Promise<boolean>): IoServer {
  const io: IoServer = new Server(httpServer, { serveClient: false });
  io.use(async (socket, nextFn) => {
    const user = await userForToken(db, cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE)).catch(() => null);
    if (!user) return nextFn(new Error("Please sign in."));
    socket.data.user = user;
    nextFn();
  });
  io.on("connection", (socket) => {
    const user = socket.data.user;
    socket.on("job:subscribe", async (jobId, ack) => {
      const ok = typeof jobId === "string" && (await canSeeJob(user, jobId).catch(() => false));
      if (ok) await socket.join(jobRoom(jobId));
      ack?.(ok ? { ok: true } : { ok: false, error: "You may not follow this job." });
    });
    socket.on("job:unsubscribe", (jobId) => void socket.leave(jobRoom(String(jobId))));
    socket.on("jobs:subscribe", async (ack) => {
      await socket.join(userRoom(user.id));
      if (user.role === "admin") await socket.join(ADMIN_ROOM);
      if (user.role === "reviewer") await socket.join(REVIEW_ROOM);
      ack?.({ ok: true });
    });
  });
  return io;
}

const PROGRESS_INTERVAL_MS = 120;

/** Sends job events to the job's room and the dashboards allowed to see it, ≤ 10 progress events/s per job. */
export function socketJobEvents(io: IoServer, db: Db): JobEvents {
  const owners = new Map<string, { userId: string | null; reviewable: boolean }>();
  const roomsFor = async (jobId: string) => {
    let o = owners.get(jobId);
    if (!o) {
      const job = await db.ingestionJob.findUnique({ where: { id: jobId }, select: { userId: true, status: true, mapping: true } });
      o = { userId: job?.userId ?? null, reviewable: job?.status === "needs_review" || !!job?.mapping };
      owners.set(jobId, o);
    }
    const rooms = [jobRoom(jobId), ADMIN_ROOM];
    if (o.userId) rooms.push(userRoom(o.userId));
    if (o.reviewable) rooms.push(REVIEW_ROOM);
    return rooms;
  };
  // 120 ms, not 100: ten events 100 ms apart plus an eleventh fit in one closed 1-second window,
  // and network jitter can bunch them further; 120 ms keeps every window at ≤ 10.
  const throttle = new ProgressThrottle<ProgressEvent>(
    (event) => void roomsFor(event.jobId).then((rooms) => io.to(rooms).emit("job:progress", event)),
    PROGRESS_INTERVAL_MS,
  );
  return {
    progress(event: ProgressEvent) {
      throttle.push(event.jobId, event);
    },
    updated(job: JobDto) {
      owners.set(job.id, { userId: job.userId, reviewable: job.status === "needs_review" || owners.get(job.id)?.reviewable === true });
      // After any held progress event, so the terminal job:updated is the last word.
      throttle.after(job.id, () => void roomsFor(job.id).then((rooms) => io.to(rooms).emit("job:updated", job)), TERMINAL_STATUSES.includes(job.status));
    },
  };
}
