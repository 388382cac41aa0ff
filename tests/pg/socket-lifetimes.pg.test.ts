import http from "node:http";
import type net from "node:net";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, sessionIdOf } from "../../lib/auth/session";
import { canSeeJobById } from "../../lib/data/case-access";
import { getDb, type Db } from "../../lib/db/prisma";
import { createJob } from "../../lib/jobs/job-commands";
import type { JobEvents } from "../../lib/jobs/job-events";
import type { JobDto } from "../../lib/schemas/job";
import { attachPgAdapter } from "../../lib/server/pg-socket-adapter";
import type { SocketControl } from "../../lib/server/socket-control";
import { createSocketServer, ioSocketControl, socketJobEvents, type IoServer } from "../../lib/server/socket-server";
import { addCaseMemberInDb, createCaseInDb, createUserInDb, type SeededUser } from "../support/factories";
import { tempPgSchema } from "../support/pg-test-db";
import { closeAllWatchers, connectWatcher, cutWithin, emitAck, sleep, waitUntil, type Watcher } from "../support/socket-clients";

/**
 * Issue 19 across web nodes: two Socket.IO servers (two HTTP servers in this process, each with
 * createSocketServer + the PostgreSQL adapter on one temp schema). A user's, a session's or a case
 * member's sockets connected to node B are cut (or leave the case's rooms) when node A — where the
 * sign-out, user change or member removal request landed — calls SocketControl / casesChanged.
 */
const pgdb = await tempPgSchema("socket_life");

interface WebNode {
  io: IoServer;
  events: JobEvents;
  sockets: SocketControl;
  base: string;
  adapterPool: pg.Pool;
}

let db: Db;
let nodeA: WebNode;
let nodeB: WebNode;

async function startNode(databaseUrl: string): Promise<WebNode> {
  const httpServer = http.createServer();
  const io = createSocketServer(httpServer, db, (user, jobId) => canSeeJobById(db, user, jobId));
  const adapterPool = attachPgAdapter(io, databaseUrl);
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  return { io, events: socketJobEvents(io, db), sockets: ioSocketControl(io), base: `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`, adapterPool };
}

beforeAll(async () => {
  if (!pgdb) return;
  db = getDb(pgdb.databaseUrl);
  await db.case.count(); // migrates the schema (0002 makes the adapter's attachments table)
  nodeA = await startNode(pgdb.databaseUrl);
  nodeB = await startNode(pgdb.databaseUrl);
});
afterAll(async () => {
  closeAllWatchers();
  for (const n of [nodeA, nodeB]) {
    if (!n) continue;
    await new Promise((r) => n.io.close(r));
    await n.adapterPool.end().catch(() => {});
  }
  await db?.$disconnect();
  await pgdb?.cleanup();
});

const cookieFor = async (userId: string) => `sy_session=${(await createSession(db, userId)).token}`;

interface Scene {
  a: SeededUser;
  job: JobDto;
  caseId: number;
  cookieA: string;
  /** A's and B's sockets on node B, both following the job and the case's dashboard. */
  wa: Watcher;
  wb: Watcher;
}

async function scene(): Promise<Scene> {
  const admin = await createUserInDb(db, "admin");
  const a = await createUserInDb(db, "analyst", "alice");
  const b = await createUserInDb(db, "analyst", "bob");
  const c = await createCaseInDb(db, admin);
  await addCaseMemberInDb(db, c.id, a.id);
  await addCaseMemberInDb(db, c.id, b.id);
  const job = await createJob(db, { fileName: "calls.csv", storedPath: "/nonexistent/calls.csv", sha256: "0".repeat(64), sizeBytes: 1, caseId: c.id });
  const cookieA = await cookieFor(a.id);
  const wa = await connectWatcher(nodeB.base, { cookie: cookieA });
  const wb = await connectWatcher(nodeB.base, { cookie: await cookieFor(b.id) });
  for (const w of [wa, wb]) {
    expect(await emitAck(w.socket, "job:subscribe", job.id)).toEqual({ ok: true });
    expect(await emitAck(w.socket, "jobs:subscribe", c.id)).toEqual({ ok: true });
  }
  // Node A's events reach node B's sockets (repeated until both adapters listen).
  const until = Date.now() + 10_000;
  while (wa.updates.length === 0 || wb.updates.length === 0) {
    if (Date.now() > until) throw new Error("node A's job:updated never reached node B");
    nodeA.events.updated(job);
    await sleep(200);
  }
  return { a, job, caseId: c.id, cookieA, wa, wb };
}

/** job:updated sent from node A: `to` receive it on node B, `notTo` do not. */
async function expectDelivery(job: JobDto, to: Watcher[], notTo: Watcher[]): Promise<void> {
  const before = new Map([...to, ...notTo].map((w) => [w, w.updates.length]));
  nodeA.events.updated({ ...job });
  await waitUntil(() => to.every((w) => w.updates.length > before.get(w)!), 5000, "job:updated across nodes");
  await sleep(400);
  for (const w of notTo) expect(w.updates.length).toBe(before.get(w));
}

describe.skipIf(!pgdb)("socket lifetimes across web nodes (PostgreSQL adapter)", () => {
  it("disconnectUser on node A cuts the user's socket on node B; another user's stays and keeps receiving", async () => {
    const s = await scene();
    nodeA.sockets.disconnectUser(s.a.id);
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    expect(s.wb.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });

  it("disconnectSession on node A cuts that session's socket on node B only", async () => {
    const s = await scene();
    const otherSession = await connectWatcher(nodeB.base, { cookie: await cookieFor(s.a.id) });
    await db.session.deleteMany({ where: { id: sessionIdOf(s.cookieA.slice("sy_session=".length)) } });
    nodeA.sockets.disconnectSession(sessionIdOf(s.cookieA.slice("sy_session=".length)));
    expect(await cutWithin(s.wa)).toBe("io server disconnect");
    await sleep(300);
    expect(otherSession.socket.connected).toBe(true);
    expect(s.wb.socket.connected).toBe(true);
  });

  it("casesChanged(…, leftCaseId) on node A makes the removed member's sockets on node B leave the case's job rooms", async () => {
    const s = await scene();
    await db.caseMember.deleteMany({ where: { caseId: s.caseId, userId: s.a.id } });
    await nodeA.events.casesChanged([s.a.id], s.caseId);
    await waitUntil(() => s.wa.casesChanged > 0, 5000, "cases:changed across nodes");
    expect(s.wa.socket.connected).toBe(true);
    await expectDelivery(s.job, [s.wb], [s.wa]);
  });
});
