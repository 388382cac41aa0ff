import type http from "node:http";
import { Server } from "socket.io";
import type { Db } from "../db/prisma";
import { cookieValue, SESSION_COOKIE, userForToken } from "../auth/session";
import { hasRole, type SessionUser } from "../auth/roles";
import type { JobEvents } from "../jobs/job-events";
import { caseAccessOf, visibleCaseIds } from "../data/case-access";
import { TERMINAL_STATUSES, type JobDto, type ProgressEvent } from "../schemas/job";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/socket-events";
import { caseRoom, jobRoom, userRoom } from "../schemas/socket-events";
import { ProgressThrottle } from "./progress-throttle";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: SessionUser }>;

/** Admins' dashboard of every case. */
const ALL_CASES_ROOM = "cases:all";
const NOT_ALLOWED = "You may not follow this job.";

/**
 * Socket.IO on the web server's port. The handshake must carry a valid session cookie. Job rooms
 * are joined after the same case check as the HTTP routes (a job of another case gets the same
 * refusal as one that does not exist); dashboards are per case, so a job's events reach only the
 * members of its case (and admins).
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
    void socket.join(userRoom(user.id));
    socket.on("job:subscribe", async (jobId, ack) => {
      const ok = typeof jobId === "string" && (await canSeeJob(user, jobId).catch(() => false));
      if (ok) await socket.join(jobRoom(jobId));
      ack?.(ok ? { ok: true } : { ok: false, error: NOT_ALLOWED });
    });
    socket.on("job:unsubscribe", (jobId) => void socket.leave(jobRoom(String(jobId))));
    socket.on("jobs:subscribe", async (caseIdOrAck, maybeAck) => {
      // Older clients sent only the ack: the dashboard of every visible case.
      const ack = typeof caseIdOrAck === "function" ? (caseIdOrAck as typeof maybeAck) : maybeAck;
      const caseId = typeof caseIdOrAck === "number" ? caseIdOrAck : null;
      for (const room of socket.rooms) if (room.startsWith("case:") || room === ALL_CASES_ROOM) await socket.leave(room);
      if (caseId !== null) {
        const access = await caseAccessOf(db, user, caseId).catch(() => null);
        if (!access) return ack?.({ ok: false, error: "There is no such case." });
        await socket.join(caseRoom(caseId));
      } else if (hasRole(user, "admin")) {
        await socket.join(ALL_CASES_ROOM);
      } else {
        const ids = (await visibleCaseIds(db, user).catch(() => [])) ?? [];
        await socket.join(ids.map(caseRoom));
      }
      ack?.({ ok: true });
    });
  });
  return io;
}

const PROGRESS_INTERVAL_MS = 120;

/** Sends job events to the job's room and its case's dashboards, ≤ 10 progress events/s per job. */
export function socketJobEvents(io: IoServer, db: Db): JobEvents {
  const caseOf = new Map<string, number | null>();
  const roomsFor = async (jobId: string) => {
    let caseId = caseOf.get(jobId);
    if (caseId === undefined) {
      const job = await db.ingestionJob.findUnique({ where: { id: jobId }, select: { caseId: true } });
      caseId = job?.caseId ?? null;
      caseOf.set(jobId, caseId);
    }
    const rooms = [jobRoom(jobId), ALL_CASES_ROOM];
    if (caseId !== null) rooms.push(caseRoom(caseId));
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
      caseOf.set(job.id, job.caseId);
      // After any held progress event, so the terminal job:updated is the last word.
      throttle.after(job.id, () => void roomsFor(job.id).then((rooms) => io.to(rooms).emit("job:updated", job)), TERMINAL_STATUSES.includes(job.status));
    },
    casesChanged(userIds: string[], leftCaseId?: number) {
      if (userIds.length === 0) return;
      const rooms = userIds.map(userRoom);
      if (leftCaseId !== undefined) io.in(rooms).socketsLeave(caseRoom(leftCaseId));
      io.to(rooms).emit("cases:changed");
    },
  };
}
