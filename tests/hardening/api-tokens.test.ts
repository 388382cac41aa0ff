import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as auditRoute } from "../../app/api/audit/route";
import { GET as meRoute } from "../../app/api/auth/me/route";
import { GET as listCasesRoute, POST as createCaseRoute } from "../../app/api/cases/route";
import { POST as uploadRoute } from "../../app/api/ingestion/upload/route";
import { GET as templatesRoute } from "../../app/api/ingestion/templates/route";
import { GET as jobRoute } from "../../app/api/ingestion/jobs/[id]/route";
import { GET as jobsRoute } from "../../app/api/ingestion/jobs/route";
import { GET as metricsRoute } from "../../app/api/metrics/route";
import { GET as recordsRoute } from "../../app/api/records/route";
import { DELETE as revokeRoute } from "../../app/api/tokens/[id]/route";
import { GET as listTokensRoute, POST as createTokenRoute } from "../../app/api/tokens/route";
import { GET as usersRoute } from "../../app/api/users/route";
import { principalForApiToken } from "../../lib/auth/api-tokens";
import { createSession } from "../../lib/auth/session";
import { loadConfig, type AppConfig } from "../../lib/config";
import { createJob } from "../../lib/jobs/job-commands";
import { getDb, type Db } from "../../lib/db/prisma";
import type { QueuePort } from "../../lib/jobs/queue-port";
import { prepareDataDir } from "../../lib/server/data-dir";
import { setRuntime, type Runtime } from "../../lib/server/runtime";
import { noSocketControl } from "../../lib/server/socket-control";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 19: personal API tokens, through the real route handlers in-process on a fresh SQLite
 * file. Only the secret's hash is stored; `Authorization: Bearer sy_…` acts as the owner narrowed
 * by scope (read: GET/HEAD) and cases; expired, revoked and orphaned tokens are 401 and never fall
 * back to a cookie; token and user administration need a browser session; the METRICS_TOKEN bearer
 * still works; bearer writes skip the same-origin (CSRF) check that cookie writes get.
 */
const tmp = tempDataDir("switchyard-tokens-");
const METRICS_TOKEN = "metrics-token-19-abc";
const BASE = "http://127.0.0.1:3000";
let config: AppConfig;
let db: Db;

type U = { id: string; email: string; cookie: string };
let alice: U; // analyst, member of cases A and B
let bob: U; // analyst, member of case C only
let admin: U;
const cases = { A: 0, B: 0, C: 0 };
const jobs = { A: "", B: "", C: "" };
const revoked: string[] = [];

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(
  handler: Handler,
  method: string,
  path: string,
  opts: { bearer?: string; cookie?: string; body?: unknown; params?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.bearer !== undefined) headers.authorization = `Bearer ${opts.bearer}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(`${BASE}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const res = await handler(req, { params: Promise.resolve(opts.params ?? {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, json: json as Record<string, unknown>, text };
}

async function newUser(role: "analyst" | "admin", label: string): Promise<U> {
  const id = crypto.randomUUID();
  const email = `${label}-${id.slice(0, 6)}@switchyard.test`;
  await db.user.create({ data: { id, email, name: label, passwordHash: "x", role } });
  return { id, email, cookie: `sy_session=${(await createSession(db, id)).token}` };
}

async function seedCase(name: string, members: string[]): Promise<number> {
  const c = await db.case.create({ data: { name, members: { create: members.map((userId) => ({ userId, role: "analyst" })) } } });
  return c.id;
}

async function seedJob(caseId: number, caller: string): Promise<string> {
  const job = await createJob(db, { fileName: `${caller}.csv`, storedPath: `/nowhere/${caller}.csv`, sha256: "0".repeat(64), sizeBytes: 10, caseId });
  await db.ingestionJob.update({ where: { id: job.id }, data: { status: "completed", inserted: 1 } });
  await db.callRecord.create({
    data: { jobId: job.id, caseId, contentHash: crypto.randomUUID(), line: 2, startTime: "2024-01-01T00:00:00Z", caller, callee: "+15550000000", recordType: "voice" },
  });
  return job.id;
}

/** Creates a token over the route as `user` (their session); returns the secret and id. */
async function token(user: U, body: Record<string, unknown>): Promise<{ id: string; token: string; expiresAt: string }> {
  const res = await call(createTokenRoute as Handler, "POST", "/api/tokens", { cookie: user.cookie, body });
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; token: string; expiresAt: string };
}

const callersOf = (json: Record<string, unknown>) => (json.records as { caller: string }[]).map((r) => r.caller).sort();

beforeAll(async () => {
  config = loadConfig({ DATA_DIR: tmp.dir, METRICS_TOKEN } as unknown as NodeJS.ProcessEnv);
  await prepareDataDir(config);
  db = getDb(config.databaseUrl);
  const queue = { depth: 0, submit: (input: Parameters<QueuePort["submit"]>[0]) => createJob(db, input) } as unknown as QueuePort;
  const runtime = {
    config,
    db,
    queue,
    events: { progress() {}, updated() {}, casesChanged() {} },
    sockets: noSocketControl,
    previewMapping: () => Promise.reject(new Error("unused")),
  } as unknown as Runtime;
  setRuntime(runtime);
  alice = await newUser("analyst", "alice");
  bob = await newUser("analyst", "bob");
  admin = await newUser("admin", "admin");
  cases.A = await seedCase("Case A", [alice.id]);
  cases.B = await seedCase("Case B", [alice.id]);
  cases.C = await seedCase("Case C", [bob.id]);
  jobs.A = await seedJob(cases.A, "+15551110001");
  jobs.B = await seedJob(cases.B, "+15552220002");
  jobs.C = await seedJob(cases.C, "+15553330003");
});
afterAll(async () => {
  await db?.$disconnect();
  tmp.cleanup();
});

describe("creating and listing tokens", () => {
  it("stores only the secret's SHA-256 and a short hint; the secret is in the 201 answer only", async () => {
    const created = await token(alice, { name: "laptop script", scope: "read" });
    expect(created.token).toMatch(/^sy_[A-Za-z0-9_-]{43}$/);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(89 * 24 * 3600_000);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.secretHash).toBe(crypto.createHash("sha256").update(created.token).digest("hex"));
    expect(row.hint).toBe(created.token.slice(0, 7));
    expect(row.userId).toBe(alice.id);
    expect(row.caseIds).toBeNull();
    // No column holds the secret (nor more of it than the hint).
    expect(JSON.stringify(row)).not.toContain(created.token.slice(0, 12));
    // The audit entry records the token, never its secret.
    const events = await db.auditEvent.findMany({ where: { action: "token.created", subjectId: created.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.userId).toBe(alice.id);
    expect(JSON.parse(events[0]!.detail!)).toMatchObject({ name: "laptop script", scope: "read", caseIds: null });
    expect(events[0]!.detail).not.toContain(created.token.slice(0, 12));
  });

  it("lists the caller's own live tokens without their secrets", async () => {
    const mine = await token(alice, { name: "listed", scope: "write", caseIds: [cases.A], expiresInDays: 7 });
    await token(bob, { name: "bob's", scope: "read" });
    const res = await call(listTokensRoute as Handler, "GET", "/api/tokens", { cookie: alice.cookie });
    expect(res.status).toBe(200);
    const listed = res.json.tokens as Record<string, unknown>[];
    expect(listed.map((t) => t.name)).toContain("listed");
    expect(listed.map((t) => t.name)).not.toContain("bob's");
    expect(res.text).not.toContain(mine.token.slice(0, 12));
    const entry = listed.find((t) => t.id === mine.id)!;
    expect(Object.keys(entry).sort()).toEqual(["caseIds", "createdAt", "expiresAt", "hint", "id", "lastUsedAt", "name", "scope"]);
    expect(entry).toMatchObject({ scope: "write", caseIds: [cases.A], hint: mine.token.slice(0, 7), lastUsedAt: null });
  });

  it("refuses a case the owner may not see, with the same not_found an absent case gets", async () => {
    for (const caseId of [cases.C, 999_999]) {
      const res = await call(createTokenRoute as Handler, "POST", "/api/tokens", { cookie: alice.cookie, body: { name: "x", scope: "read", caseIds: [caseId] } });
      expect(res.status).toBe(404);
      expect(res.json.error).toEqual({ code: "not_found", message: "There is no such case." });
    }
  });
});

describe("using a token", () => {
  it("a read token reads records and jobs of every case its owner sees (and no other), and records its last use", async () => {
    const t = await token(alice, { name: "reader", scope: "read" });
    const records = await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect(records.status, records.text).toBe(200);
    expect(callersOf(records.json)).toEqual(["+15551110001", "+15552220002"]);
    const list = await call(jobsRoute as Handler, "GET", "/api/ingestion/jobs", { bearer: t.token });
    expect(list.status).toBe(200);
    expect((list.json.jobs as { id: string }[]).map((j) => j.id).sort()).toEqual([jobs.A, jobs.B].sort());
    expect((await call(jobRoute as Handler, "GET", `/api/ingestion/jobs/${jobs.A}`, { bearer: t.token, params: { id: jobs.A } })).status).toBe(200);
    expect((await call(jobRoute as Handler, "GET", `/api/ingestion/jobs/${jobs.C}`, { bearer: t.token, params: { id: jobs.C } })).status).toBe(404);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: t.id } });
    expect(row.lastUsedAt).not.toBeNull();
    // At most one write a minute: a second use does not move it.
    await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toEqual(row.lastUsedAt);
    // /api/auth/me names the owner.
    const me = await call(meRoute as Handler, "GET", "/api/auth/me", { bearer: t.token });
    expect(me.json.user).toMatchObject({ id: alice.id, token: { id: t.id, scope: "read", caseIds: null } });
  });

  it("a read token may not write (403), a write token may", async () => {
    const read = await token(alice, { name: "ro", scope: "read" });
    const refused = await call(createCaseRoute as Handler, "POST", "/api/cases", { bearer: read.token, body: { name: "From a read token" } });
    expect(refused.status).toBe(403);
    expect(refused.json.error).toEqual({ code: "forbidden", message: "This API token is read-only." });
    expect(await db.case.count({ where: { name: "From a read token" } })).toBe(0);
    const write = await token(alice, { name: "rw", scope: "write" });
    expect((await call(createCaseRoute as Handler, "POST", "/api/cases", { bearer: write.token, body: { name: "From a write token" } })).status).toBe(201);
  });

  it("a token narrowed to case A gets 404 for case B's job and sees none of B's data in the lists", async () => {
    const t = await token(alice, { name: "only A", scope: "write", caseIds: [cases.A] });
    const jobB = await call(jobRoute as Handler, "GET", `/api/ingestion/jobs/${jobs.B}`, { bearer: t.token, params: { id: jobs.B } });
    expect(jobB.status).toBe(404);
    expect((jobB.json.error as { message: string }).message).toBe("There is no such job.");
    expect((await call(jobRoute as Handler, "GET", `/api/ingestion/jobs/${jobs.A}`, { bearer: t.token, params: { id: jobs.A } })).status).toBe(200);
    const records = await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect(callersOf(records.json)).toEqual(["+15551110001"]);
    expect((await call(recordsRoute as Handler, "GET", `/api/records?caseId=${cases.B}`, { bearer: t.token })).status).toBe(404);
    const list = await call(jobsRoute as Handler, "GET", "/api/ingestion/jobs", { bearer: t.token });
    expect((list.json.jobs as { id: string }[]).map((j) => j.id)).toEqual([jobs.A]);
    const listed = await call(listCasesRoute as Handler, "GET", "/api/cases", { bearer: t.token });
    expect((listed.json.cases as { id: number }[]).map((c) => c.id)).toEqual([cases.A]);
    // It cannot make a case it could not see either.
    expect((await call(createCaseRoute as Handler, "POST", "/api/cases", { bearer: t.token, body: { name: "narrowed" } })).status).toBe(403);
  });

  it("an admin's token narrowed to one case sees only that case and none of the node-wide admin views", async () => {
    const t = await token(admin, { name: "admin, case C only", scope: "read", caseIds: [cases.C] });
    const records = await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect(callersOf(records.json)).toEqual(["+15553330003"]);
    expect((await call(jobRoute as Handler, "GET", `/api/ingestion/jobs/${jobs.A}`, { bearer: t.token, params: { id: jobs.A } })).status).toBe(404);
    expect((await call(auditRoute as Handler, "GET", "/api/audit", { bearer: t.token })).status).toBe(403);
    expect((await call(metricsRoute as Handler, "GET", "/api/metrics", { bearer: t.token })).status).toBe(401);
    // Layout templates belong to no case: a narrowed token does not reach them either.
    expect((await call(templatesRoute as Handler, "GET", "/api/ingestion/templates", { bearer: t.token })).status).toBe(403);
    // Unnarrowed, the admin's token reaches every case.
    const all = await token(admin, { name: "admin, all", scope: "read" });
    expect(callersOf((await call(recordsRoute as Handler, "GET", "/api/records", { bearer: all.token })).json)).toHaveLength(3);
    expect((await call(auditRoute as Handler, "GET", "/api/audit", { bearer: all.token })).status).toBe(200);
    expect((await call(templatesRoute as Handler, "GET", "/api/ingestion/templates", { bearer: all.token })).status).toBe(200);
  });
});

describe("tokens that must not work", () => {
  const INVALID = { code: "unauthorized", message: "The API token is not valid (unknown, expired or revoked)." };

  it("an expired token is 401", async () => {
    const t = await token(alice, { name: "old", scope: "read", expiresInDays: 1 });
    await db.apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect(res.status).toBe(401);
    expect(res.json.error).toEqual(INVALID);
    // Still listed (its expiry says why it stopped), until revoked.
    const listed = await call(listTokensRoute as Handler, "GET", "/api/tokens", { cookie: alice.cookie });
    expect((listed.json.tokens as { id: string }[]).map((x) => x.id)).toContain(t.id);
  });

  it("a revoked token is 401; only its owner (or an admin) may revoke it", async () => {
    const t = await token(alice, { name: "to revoke", scope: "read" });
    expect((await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token })).status).toBe(200);
    const byBob = await call(revokeRoute as Handler, "DELETE", `/api/tokens/${t.id}`, { cookie: bob.cookie, params: { id: t.id } });
    expect(byBob.status).toBe(404);
    const res = await call(revokeRoute as Handler, "DELETE", `/api/tokens/${t.id}`, { cookie: alice.cookie, params: { id: t.id } });
    expect(res.status).toBe(204);
    revoked.push(t.id);
    const after = await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token });
    expect(after.status).toBe(401);
    expect(after.json.error).toEqual(INVALID);
    const listed = await call(listTokensRoute as Handler, "GET", "/api/tokens", { cookie: alice.cookie });
    expect((listed.json.tokens as { id: string }[]).map((x) => x.id)).not.toContain(t.id);
    expect(await db.auditEvent.count({ where: { action: "token.revoked", subjectId: t.id, userId: alice.id } })).toBe(1);
    // Revoking again is the same not_found.
    expect((await call(revokeRoute as Handler, "DELETE", `/api/tokens/${t.id}`, { cookie: alice.cookie, params: { id: t.id } })).status).toBe(404);
    // An admin may revoke someone else's.
    const other = await token(bob, { name: "bob's to revoke", scope: "read" });
    expect((await call(revokeRoute as Handler, "DELETE", `/api/tokens/${other.id}`, { cookie: admin.cookie, params: { id: other.id } })).status).toBe(204);
    expect(await principalForApiToken(db, other.token)).toBeNull();
  });

  it("a deleted owner's token is 401", async () => {
    const dave = await newUser("analyst", "dave");
    const t = await token(dave, { name: "dave's", scope: "read" });
    expect((await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token })).status).toBe(200);
    await db.user.delete({ where: { id: dave.id } });
    expect((await call(recordsRoute as Handler, "GET", "/api/records", { bearer: t.token })).status).toBe(401);
  });

  it("unknown and malformed sy_ bearers are 401", async () => {
    for (const bearer of ["sy_" + "A".repeat(43), "sy_", "sy_x y"]) {
      const res = await call(recordsRoute as Handler, "GET", "/api/records", { bearer });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual(INVALID);
    }
  });

  it("an invalid bearer never falls back to a valid cookie sent with it", async () => {
    const t = await token(alice, { name: "soon revoked", scope: "read" });
    await call(revokeRoute as Handler, "DELETE", `/api/tokens/${t.id}`, { cookie: alice.cookie, params: { id: t.id } });
    for (const bearer of [t.token, "sy_unknown", "not-a-switchyard-token"]) {
      const res = await call(recordsRoute as Handler, "GET", "/api/records", { bearer, cookie: alice.cookie });
      expect(res.status).toBe(401);
      expect(res.json.error).toEqual(INVALID);
    }
    // On a public route too: a bad sy_ bearer is refused, not answered as the cookie's user.
    expect((await call(meRoute as Handler, "GET", "/api/auth/me", { bearer: t.token, cookie: alice.cookie })).status).toBe(401);
    // The cookie alone still works.
    expect((await call(recordsRoute as Handler, "GET", "/api/records", { cookie: alice.cookie })).status).toBe(200);
  });

  it("token management and user administration need a browser session, not a token", async () => {
    const t = await token(alice, { name: "no minting", scope: "write" });
    const SESSION_ONLY = { code: "forbidden", message: "This needs a signed-in browser session, not an API token." };
    const minted = await call(createTokenRoute as Handler, "POST", "/api/tokens", { bearer: t.token, body: { name: "child", scope: "write" } });
    expect(minted.status).toBe(403);
    expect(minted.json.error).toEqual(SESSION_ONLY);
    expect((await call(listTokensRoute as Handler, "GET", "/api/tokens", { bearer: t.token })).json.error).toEqual(SESSION_ONLY);
    expect((await call(revokeRoute as Handler, "DELETE", `/api/tokens/${t.id}`, { bearer: t.token, params: { id: t.id } })).status).toBe(403);
    expect(await db.apiToken.count({ where: { name: "child" } })).toBe(0);
    const adminToken = await token(admin, { name: "admin rw", scope: "write" });
    expect((await call(usersRoute as Handler, "GET", "/api/users", { bearer: adminToken.token })).json.error).toEqual(SESSION_ONLY);
    expect((await call(usersRoute as Handler, "GET", "/api/users", { cookie: admin.cookie })).status).toBe(200);
  });
});

describe("other bearers and CSRF", () => {
  it("the METRICS_TOKEN bearer still reads /api/metrics; a wrong one does not", async () => {
    const ok = await call(metricsRoute as Handler, "GET", "/api/metrics", { bearer: METRICS_TOKEN });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("# TYPE");
    expect((await call(metricsRoute as Handler, "GET", "/api/metrics", { bearer: `${METRICS_TOKEN}x` })).status).toBe(401);
  });

  function uploadRequest(headers: Record<string, string>, caseId?: number): Request {
    const form = new FormData();
    if (caseId !== undefined) form.append("caseId", String(caseId));
    form.append("files", new Blob(["Date,From,To\n2024-01-01 10:00,5551234567,5559876543\n"]), "calls.csv");
    return new Request(`${BASE}/api/ingestion/upload`, { method: "POST", headers: { origin: "https://evil.example", ...headers }, body: form });
  }

  it("a bearer upload skips the same-origin check a cookie upload gets, and lands in the token's case", async () => {
    const t = await token(alice, { name: "uploader", scope: "write", caseIds: [cases.B] });
    const res = await (uploadRoute as Handler)(uploadRequest({ authorization: `Bearer ${t.token}` }), { params: Promise.resolve({}) });
    expect(res.status, await res.clone().text()).toBe(202);
    const body = (await res.json()) as { jobs: { id: string }[]; caseId: number };
    expect(body.caseId).toBe(cases.B);
    const job = await db.ingestionJob.findUniqueOrThrow({ where: { id: body.jobs[0]!.id } });
    expect(job).toMatchObject({ caseId: cases.B, userId: alice.id });
    const upload = await db.auditEvent.findFirstOrThrow({ where: { action: "upload", subjectId: job.id } });
    expect(JSON.parse(upload.detail!)).toMatchObject({ viaToken: t.id });
    // Naming a case outside the token's: the case's not_found.
    const outside = await (uploadRoute as Handler)(uploadRequest({ authorization: `Bearer ${t.token}` }, cases.A), { params: Promise.resolve({}) });
    expect(outside.status).toBe(404);
    // The same cross-site POST with the cookie is refused.
    const cookie = await (uploadRoute as Handler)(uploadRequest({ cookie: alice.cookie }), { params: Promise.resolve({}) });
    expect(cookie.status).toBe(403);
    // A read token may not upload.
    const read = await token(alice, { name: "read uploader", scope: "read" });
    expect((await (uploadRoute as Handler)(uploadRequest({ authorization: `Bearer ${read.token}` }), { params: Promise.resolve({}) })).status).toBe(403);
  });
});
