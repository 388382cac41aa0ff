import type http from "node:http";
import { Server, type Socket } from "socket.io";
import type { Db } from "../db/prisma";
import { authenticate, type Credentials, type Principal } from "../auth/authenticate";
import { hasRole, type SessionUser } from "../auth/roles";
import type { JobEvents } from "../jobs/job-events";
import { caseAccessOf, visibleCaseIds } from "../data/case-access";
import { TERMINAL_STATUSES, type JobDto, type ProgressEvent } from "../schemas/job";
import type { ClientToServerEvents, ServerToClientEvents } from "../schemas/socket-events";
import { caseRoom, credentialRoom, jobRoom, userRoom } from "../schemas/socket-events";
import { ProgressThrottle } from "./progress-throttle";
import type { SocketControl } from "./socket-control";

interface SocketData {
  /** Who opened the socket, from its handshake: the credential every subscribe is checked against again. */
  principal: Principal;
  user: SessionUser;
}
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Admins' dashboard of every case. */
const ALL_CASES_ROOM = "cases:all";
const NOT_ALLOWED = "You may not follow this job.";
const SIGN_IN = "Please sign in.";
/** setTimeout's longest delay (a larger one fires at once); longer lifetimes re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The credentials a socket presented in its handshake (cookie, `Authorization` header or `auth.token`). */
function credentialsOf(socket: IoSocket): Credentials {
  const { headers, auth } = socket.handshake;
  return { cookie: headers.cookie, authorization: headers.authorization, token: (auth as { token?: unknown } | undefined)?.token };
}

/** Whether a fresh look at the handshake's credential still finds the same credential, user and role. */
function samePrincipal(a: Principal, b: Principal | null): b is Principal {
  return !!b && b.via === a.via && b.credentialId === a.credentialId && b.user.id === a.user.id && b.user.role === a.user.role;
}

/**
 * Socket.IO on the web server's port. The handshake must carry a valid credential (the session
 * cookie, or an API token as `Authorization: Bearer` or `auth.token`: lib/auth/authenticate.ts).
 * A socket lives no longer than its credential (issue 19): it joins `user:<id>` and
 * `session:<id>`/`token:<id>`, which sign-out, token revocation and user changes cut (SocketControl,
 * `ioSocketControl`); a timer cuts it when the credential expires; and every subscribe checks the
 * handshake's credential again, disconnecting the socket when it is gone or the role changed.
 * Job rooms are joined after the same case check as the HTTP routes (a job of another case gets the
 * same refusal as one that does not exist); dashboards are per case, so a job's events reach only
 * the members of its case (and admins).
 */
export function createSocketServer(httpServer: http.Server, db: Db, canSeeJob: (user: SessionUser, jobId: string) => Promise<boolean>): IoServer {
  const io: IoServer = new Server(httpServer, { serveClient: false });
  io.use(async (socket, nextFn) => {
    const principal = await authenticate(db, credentialsOf(socket)).catch(() => null);
    if (!principal || principal.expiresAt.getTime() <= Date.now()) return nextFn(new Error(SIGN_IN));
    socket.data.principal = principal;
    socket.data.user = principal.user;
    nextFn();
  });
  io.on("connection", (socket) => {
    const principal = socket.data.principal;
    const cut = () => socket.disconnect(true);
    void socket.join([userRoom(principal.user.id), credentialRoom(principal.via, principal.credentialId)]);

    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const left = principal.expiresAt.getTime() - Date.now();
      if (left <= 0) return cut();
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
      timer.unref();
    };
    arm();
    socket.on("disconnect", () => clearTimeout(timer));

    /**
     * The socket's user when its handshake credential still stands for the same user and role;
     * otherwise answers the ack with a refusal and cuts the socket.
     */
    const stillValid = async (ack: ((r: { ok: boolean; error?: string }) => void) | undefined): Promise<SessionUser | null> => {
      const fresh = await authenticate(db, credentialsOf(socket)).catch(() => null);
      if (samePrincipal(principal, fresh)) return fresh.user;
      ack?.({ ok: false, error: SIGN_IN });
      cut();
      return null;
    };
    // Closes the window between the handshake's check and joining the credential's rooms: a
    // sign-out in between would have found no socket to cut.
    void authenticate(db, credentialsOf(socket)).then(
      (fresh) => void (samePrincipal(principal, fresh) || cut()),
      () => {},
    );

    socket.on("job:subscribe", async (jobId, ack) => {
      const user = await stillValid(ack);
      if (!user) return;
      const ok = typeof jobId === "string" && (await canSeeJob(user, jobId).catch(() => false));
      if (ok) await socket.join(jobRoom(jobId));
      ack?.(ok ? { ok: true } : { ok: false, error: NOT_ALLOWED });
    });
    socket.on("job:unsubscribe", (jobId) => void socket.leave(jobRoom(String(jobId))));
    socket.on("jobs:subscribe", async (caseIdOrAck, maybeAck) => {
      // Older clients sent only the ack: the dashboard of every visible case.
      const ack = typeof caseIdOrAck === "function" ? (caseIdOrAck as typeof maybeAck) : maybeAck;
      const caseId = typeof caseIdOrAck === "number" ? caseIdOrAck : null;
      const user = await stillValid(ack);
      if (!user) return;
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

/**
 * SocketControl over Socket.IO rooms. `disconnectSockets` goes through the adapter, so with the
 * PostgreSQL adapter it reaches the sockets on every web node.
 */
export function ioSocketControl(io: Pick<IoServer, "in">): SocketControl {
  const cut = (room: string) => io.in(room).disconnectSockets(true);
  return {
    disconnectSession: (id) => cut(credentialRoom("session", id)),
    disconnectToken: (id) => cut(credentialRoom("token", id)),
    disconnectUser: (id) => cut(userRoom(id)),
  };
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
  const throttle = new ProgressThrottle<ProgressEvent>((event) => void roomsFor(event.jobId).then((rooms) => io.to(rooms).emit("job:progress", event)), PROGRESS_INTERVAL_MS);
  return {
    progress(event: ProgressEvent) {
      throttle.push(event.jobId, event);
    },
    updated(job: JobDto) {
      caseOf.set(job.id, job.caseId);
      // After any held progress event, so the terminal job:updated is the last word.
      throttle.after(job.id, () => void roomsFor(job.id).then((rooms) => io.to(rooms).emit("job:updated", job)), TERMINAL_STATUSES.includes(job.status));
    },
    async casesChanged(userIds: string[], leftCaseId?: number) {
      if (userIds.length === 0) return;
      const rooms = userIds.map(userRoom);
      if (leftCaseId !== undefined) {
        // Admins still see every case: only the others lose its dashboard and its jobs' rooms.
        const admins = new Set((await db.user.findMany({ where: { id: { in: userIds }, role: "admin" }, select: { id: true } }).catch(() => [])).map((u) => u.id));
        const leaving = userIds.filter((id) => !admins.has(id)).map(userRoom);
        if (leaving.length > 0) {
          io.in(leaving).socketsLeave(caseRoom(leftCaseId));
          // The job rooms of the case (`job:<id>`, joined by its job pages), known from the database
          // and from this node's own events (a deleted case's jobs are gone from the database).
          const jobIds = new Set((await db.ingestionJob.findMany({ where: { caseId: leftCaseId }, select: { id: true } }).catch(() => [])).map((j) => j.id));
          for (const [jobId, caseId] of caseOf) if (caseId === leftCaseId) jobIds.add(jobId);
          if (jobIds.size > 0) io.in(leaving).socketsLeave([...jobIds].map(jobRoom));
        }
      }
      io.to(rooms).emit("cases:changed");
    },
  };
}
