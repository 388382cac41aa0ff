import http from "node:http";
import type net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as signOutRoute } from "../../app/api/auth/sign-out/route";
import { DELETE as removeMemberRoute } from "../../app/api/cases/[id]/members/[userId]/route";
import { DELETE as deleteUserRoute, PATCH as patchUserRoute } from "../../app/api/users/[id]/route";
import type { Principal } from "../../lib/auth/authenticate";
import { createSession, sessionIdOf } from "../../lib/auth/session";
import { loadConfig, type AppConfig } from "../../lib/config";
import { canSeeJobById } from "../../lib/data/case-access";
import { getDb, type Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import type { JobEvents } from "../../lib/jobs/job-events";
import type { QueuePort } from "../../lib/jobs/queue-port";
import type { JobDto } from "../../lib/schemas/job";
import { prepareDataDir } from "../../lib/server/data-dir";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { createSocketServer, ioSocketControl, socketJobEvents, type IoServer } from "../../lib/server/socket-server";
import { addCaseMemberInDb, createCaseInDb, createUserInDb, type SeededUser } from "../support/factories";
import { closeAllWatchers, connectWatcher, cutWithin, emitAck, sleep, waitUntil, type Watcher } from "../support/socket-clients";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: a socket does not outlive its credential. Real socket.io-client connections (two users
 * of one case, both following a job and the case's dashboard) against createSocketServer on a real
 * HTTP server on 127.0.0.1 and a real SQLite file; the route handlers (sign-out, users, case
 * members) run in-process with the same Runtime, so they cut sockets through runtime.sockets.
 * API tokens (lib/auth/api-tokens.ts) are stubbed here to hand out principals the test controls.
 */
const tokens = vi.hoisted(() => new Map<string, Principal>());
vi.mock("../../lib/auth/api-tokens", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  principalForApiToken: async (_db: unknown, secret: string) => tokens.get(secret) ?? null,
}));

const tmp = tempDataDir("switchyard-socket-life-");
let config: AppConfig;
let db: Db;
let io: IoServer;
let events: JobEvents;
let base = "";
let admin: SeededUser;
let adminCookie = "";
const URL_BASE = "http://127.0.0.1:3000";

const cookieFor = async (userId: string) => `sy_session=${(await createSession(db, userId)).token}`;
const asUser = (u: SeededUser) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

beforeAll(async () => {
  config = loadConfig({ DATA_DIR: tmp.dir } as unknown as NodeJS.ProcessEnv);
  await prepareDataDir(config);
  db = getDb(config.databaseUrl);
  const httpServer = http.createServer();
  io = createSocketServer(httpServer, db, (user, jobId) => canSeeJobById(db, user, jobId));
  events = socketJobEvents(io, db);
  const runtime: Runtime = { config, db, queue: {} as QueuePort, events, sockets: ioSocketControl(io), previewMapping: () => Promise.reject(new Error("unused")) };
  setRuntime(runtime);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`;
  admin = await createUserInDb(db, "admin");
  adminCookie = await cookieFor(admin.id);
});
afterAll(async () => {
  closeAllWatchers();
  await new Promise((r) => io?.close(r));
  await db?.$disconnect();
  tmp.cleanup();
});

interface Scene {
  a: SeededUser;
  b: SeededUser;
  caseId: number;
  job: JobDto;
  /** A's and B's sockets, each following the job and the case's dashboard. */
  wa: Watcher;
  wb: Watcher;
  cookieA: string;
}

/** Two analysts in one case with one job; both sockets subscribed to the job and the dashboard. */
async function scene(opts: { a?: SeededUser; cookieA?: string } = {}): Promise<Scene> {
  const a = opts.a ?? (await createUserInDb(db, "analyst", "alice"));
  const b = await createUserInDb(db, "analyst", "bob");
  const c = await createCaseInDb(db, admin);
  await addCaseMemberInDb(db, c.id, a.id);
  await addCaseMemberInDb(db, c.id, b.id);
  const job = await createJob(db, { fileName: "calls.csv", storedPath: "/nonexistent/calls.csv", sha256: "0".repeat(64), sizeBytes: 1, caseId: c.id });
  const cookieA = opts.cookieA ?? (await cookieFor(a.id));
  const wa = await connectWatcher(base, { cookie: cookieA });
  const wb = await connectWatcher(base, { cookie: await cookieFor(b.id) });
  for (const w of [wa, wb]) {
    expect(await emitAck(w.socket, "job:subscribe", job.id)).toEqual({ ok: true });
    expect(await emitAck(w.socket, "jobs:subscribe", c.id)).toEqual({ ok: true });
  }
  // Both receive the job's events to begin with.
  await expectDelivery(job, [wa, wb], []);
  return { a, b, caseId: c.id, job, wa, wb, cookieA };
}

/** Emits job:updated for `job`: every watcher in `to` receives it, none in `notTo` does (checked 300 ms after the last arrived). */
async function expectDelivery(job: JobDto, to: Watcher[], notTo: Watcher[]): Promise<void> {
  const before = new Map([...to, ...notTo].map((w) => [w, w.updates.length]));
  events.updated({ ...job });
  await waitUntil(() => to.every((w) => w.updates.length > before.get(w)!), 5000, "job:updated");
  await sleep(300);
  for (const w of notTo) expect(w.updates.length, "a cut or removed socket still received job:updated").toBe(before.get(w));
}

const req = (path: string, method: string, cookie: string, body?: unknown) =>
  new Request(`${URL_BASE}${path}`, { method, headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) }, body: body ? JSON.stringify(body) : undefined });

describe("sockets end with their session or user (issue 19)", () => {
  it("(a) sign-out cuts that session's socket at once; the other user's keeps receiving", async () => {
    const s = await scene();
    // A second socket of A on another session (another browser) is not this session's.
    const otherSession = await connectWatcher(base, { cookie: await cookieFor(s.a.id) });
    const res = await signOutRoute(req("/api/auth/sign-out", "POST", s.cookieA), { params: Promise.resolve({}) });
    expect(res.status).toBe(204);
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    expect(s.wb.socket.connected).toBe(true);
    expect(otherSession.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
    // And the signed-out cookie cannot open a new one.
    await expect(connectWatcher(base, { cookie: s.cookieA })).rejects.toThrow(/sign in/i);
  });

  it("(b) deleting a user (admin, users route) cuts every socket of that user; B is untouched", async () => {
    const s = await scene();
    const second = await connectWatcher(base, { cookie: await cookieFor(s.a.id) });
    const res = await deleteUserRoute(req(`/api/users/${s.a.id}`, "DELETE", adminCookie), { params: Promise.resolve({ id: s.a.id }) });
    expect(res.status).toBe(204);
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    expect(await cutWithin(second)).toBe("io server disconnect");
    expect(s.wb.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa, second]);
  });

  it("(c) a role change cuts the user's sockets", async () => {
    const s = await scene();
    const res = await patchUserRoute(req(`/api/users/${s.a.id}`, "PATCH", adminCookie, { role: "reviewer" }), { params: Promise.resolve({ id: s.a.id }) });
    expect(res.status).toBe(200);
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    expect(s.wb.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });

  it("(c2) a password change cuts the user's sockets; a name change does not", async () => {
    const s = await scene();
    const rename = await patchUserRoute(req(`/api/users/${s.a.id}`, "PATCH", adminCookie, { name: "Alice Renamed" }), { params: Promise.resolve({ id: s.a.id }) });
    expect(rename.status).toBe(200);
    await sleep(200);
    expect(s.wa.socket.connected).toBe(true);
    const res = await patchUserRoute(req(`/api/users/${s.a.id}`, "PATCH", adminCookie, { password: "another-horse-battery-7" }), { params: Promise.resolve({ id: s.a.id }) });
    expect(res.status).toBe(200);
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    expect(s.wb.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });

  it("(d) a session that expires cuts its socket by timer, with nothing else happening", async () => {
    const a = await createUserInDb(db, "analyst", "alice");
    const token = `expiring-${a.id}`;
    const expiresAt = new Date(Date.now() + 1500);
    await db.session.create({ data: { id: sessionIdOf(token), userId: a.id, expiresAt } });
    const s = await scene({ a, cookieA: `sy_session=${token}` });
    expect(s.wa.socket.connected).toBe(true);
    expect(await cutWithin(s.wa, 4000)).toBe("io server disconnect");
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt.getTime() - 50);
    expect(s.wb.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });

  it("(e) a subscribe after the session row is gone (no push reached the socket) is refused and disconnects", async () => {
    const s = await scene();
    await db.session.deleteMany({ where: { userId: s.a.id } }); // straight in the database: nobody told the socket
    await sleep(100);
    expect(s.wa.socket.connected).toBe(true);
    expect(await emitAck(s.wa.socket, "job:subscribe", s.job.id)).toEqual({ ok: false, error: "Please sign in." });
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    await expectDelivery(s.job, [s.wb], [s.wa]);

    // The dashboard subscribe checks too.
    const t = await scene();
    await db.session.deleteMany({ where: { userId: t.a.id } });
    expect(await emitAck(t.wa.socket, "jobs:subscribe", t.caseId)).toEqual({ ok: false, error: "Please sign in." });
    expect(await cutWithin(t.wa)).toBe("io server disconnect");
    expect(t.wb.socket.connected).toBe(true);
  });

  it("(f) a member removed from the case stops receiving its jobs' events (job room and dashboard), though still connected", async () => {
    const s = await scene();
    const casesChangedBefore = s.wa.casesChanged;
    const res = await removeMemberRoute(req(`/api/cases/${s.caseId}/members/${s.a.id}`, "DELETE", adminCookie), {
      params: Promise.resolve({ id: String(s.caseId), userId: s.a.id }),
    });
    expect(res.status).toBe(204);
    await waitUntil(() => s.wa.casesChanged > casesChangedBefore, 3000, "cases:changed");
    expect(s.wa.socket.connected).toBe(true); // the session is still good: only the case is gone
    await expectDelivery(s.job, [s.wb], [s.wa]);
    // Joining again is refused like a job that does not exist, without cutting the socket.
    expect(await emitAck(s.wa.socket, "job:subscribe", s.job.id)).toEqual({ ok: false, error: "You may not follow this job." });
    expect((await emitAck(s.wa.socket, "jobs:subscribe", s.caseId)).ok).toBe(false);
    expect(s.wa.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });
});

describe("sockets opened with an API token (issue 19)", () => {
  const tokenPrincipal = (u: SeededUser, id: string, ms: number): Principal => ({ user: asUser(u), via: "token", credentialId: id, expiresAt: new Date(Date.now() + ms) });

  it("disconnectToken cuts that token's sockets only, not the same user's session socket", async () => {
    const s = await scene();
    tokens.set("secret-a", tokenPrincipal(s.a, "tok-a", 3600_000));
    const viaToken = await connectWatcher(base, { token: "secret-a" });
    expect(await emitAck(viaToken.socket, "job:subscribe", s.job.id)).toEqual({ ok: true });
    await expectDelivery(s.job, [viaToken, s.wa, s.wb], []);
    ioSocketControl(io).disconnectToken("tok-a");
    expect(await cutWithin(viaToken)).toBe("io server disconnect");
    expect(s.wa.socket.connected).toBe(true);
    // The session's id is not a token's id: the same id in the other kind of room cuts nothing.
    ioSocketControl(io).disconnectToken(sessionIdOf(s.cookieA.slice("sy_session=".length)));
    await sleep(200);
    expect(s.wa.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wa, s.wb], [viaToken]);
  });

  it("a token whose user's role changed is cut at the next subscribe", async () => {
    const s = await scene();
    tokens.set("secret-role", tokenPrincipal(s.a, "tok-role", 3600_000));
    const viaToken = await connectWatcher(base, { token: "secret-role" });
    tokens.set("secret-role", { ...tokens.get("secret-role")!, user: { ...asUser(s.a), role: "reviewer" } });
    expect(await emitAck(viaToken.socket, "job:subscribe", s.job.id)).toEqual({ ok: false, error: "Please sign in." });
    expect(await cutWithin(viaToken)).toBe("io server disconnect");
  });

  it("a token expiring in a second is cut by the timer; one expiring beyond setTimeout's range (2^31 ms) is not cut early", async () => {
    const s = await scene();
    tokens.set("secret-short", tokenPrincipal(s.a, "tok-short", 1000));
    tokens.set("secret-long", tokenPrincipal(s.a, "tok-long", 30 * 24 * 3600_000));
    const short = await connectWatcher(base, { token: "secret-short" });
    const long = await connectWatcher(base, { token: "secret-long" });
    expect(await cutWithin(short, 4000)).toBe("io server disconnect");
    await sleep(300);
    expect(long.socket.connected).toBe(true);
    expect(await emitAck(long.socket, "job:subscribe", s.job.id)).toEqual({ ok: true });
  });

  it("a revoked token cannot open a socket", async () => {
    await expect(connectWatcher(base, { token: "never-issued" })).rejects.toThrow(/sign in/i);
  });
});
