import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { io } from "socket.io-client";
import { ensureBuilt, startNode, stopNode, waitFor, type Node } from "../scale/cluster";
import { newUserInput, signInCookie, waitForJob } from "../support/factories";
import { CDR_FIXTURES_DIR } from "../support/corpora";
import { tempDataDir } from "../support/temp-db";

/**
 * Issue 16, over real HTTP and Socket.IO against the production server on a fresh SQLite file:
 * for every API route that names a case or a job, and for the socket joins, a user who is not a
 * member of the case gets exactly the answer (status and body) a case or job that does not exist
 * gets. A positive control (the member) proves each route reaches real data. And the same file
 * loaded into two cases gives both all its records; twice into one case, nothing the second time.
 */
const FILE = "att-2.csv";
const fixturePath = (name: string) => path.join(CDR_FIXTURES_DIR, name);
const present = fs.existsSync(fixturePath(FILE));
if (!present) process.stderr.write(`[fixtures] ${fixturePath(FILE)} is absent: skipping the case isolation tests\n`);
const ADMIN = { email: "admin@switchyard.test", password: "yard-case-password-1" };
const tmp = tempDataDir("switchyard-cases-");
let server: Node | null = null;
let base = "";

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

async function call(cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: string }> {
  const res = await fetch(new URL(url, base), {
    method,
    headers: { cookie, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.text() };
}

async function newUser(adminCookie: string, label: string) {
  const input = newUserInput("analyst", label);
  const res = await call(adminCookie, "POST", "/api/users", input);
  expect(res.status).toBe(201);
  return { ...input, cookie: await signInCookie(base, input.email, input.password) };
}

async function upload(cookie: string, caseId: number | string, via: "field" | "query" = "field"): Promise<{ status: number; body: string }> {
  const form = new FormData();
  if (via === "field") form.append("caseId", String(caseId));
  form.append("files", new Blob([fs.readFileSync(fixturePath(FILE))]), FILE);
  const url = via === "query" ? `/api/ingestion/upload?caseId=${caseId}` : "/api/ingestion/upload";
  const res = await fetch(new URL(url, base), { method: "POST", headers: { cookie }, body: form });
  return { status: res.status, body: await res.text() };
}

function socketAck(cookie: string, emit: (s: ReturnType<typeof io>, done: (ack: unknown) => void) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const s = io(base, { extraHeaders: { cookie }, transports: ["websocket"], reconnection: false });
    s.on("connect_error", reject);
    s.on("connect", () => emit(s, (ack) => (s.close(), resolve(ack))));
  });
}

describe.skipIf(!present)("cases: isolation and per-case deduplication (production server)", () => {
  let admin = "";
  let a: Awaited<ReturnType<typeof newUser>>;
  let b: Awaited<ReturnType<typeof newUser>>;
  let caseA = 0;
  let caseB = 0;
  let jobA = "";

  beforeAll(async () => {
    ensureBuilt();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startNode(
      "web",
      "dist/server.mjs",
      {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: tmp.dir,
        DATABASE_URL: `file:${path.join(tmp.dir, "switchyard.db")}`,
        SWITCHYARD_ADMIN_EMAIL: ADMIN.email,
        SWITCHYARD_ADMIN_PASSWORD: ADMIN.password,
        UPLOAD_RATE_PER_MINUTE: "1000",
      },
      /running at/,
    );
    admin = await signInCookie(base, ADMIN.email, ADMIN.password);
    a = await newUser(admin, "alice");
    b = await newUser(admin, "bob");
    caseA = (JSON.parse((await call(a.cookie, "POST", "/api/cases", { name: "Operation Alpha" })).body) as { case: { id: number } }).case.id;
    caseB = (JSON.parse((await call(b.cookie, "POST", "/api/cases", { name: "Operation Bravo" })).body) as { case: { id: number } }).case.id;
    const up = await upload(a.cookie, caseA);
    expect(up.status).toBe(202);
    jobA = (JSON.parse(up.body) as { jobs: { id: string }[] }).jobs[0]!.id;
    expect(await waitForJob(base, a.cookie, jobA)).toMatch(/completed|partial/);
  }, 240_000);

  afterAll(async () => {
    if (server) await stopNode(server);
    tmp.cleanup();
  });

  it("answers a non-member exactly as it answers for a case or job that does not exist, on every route", async () => {
    const missingCase = caseA + 1000;
    const missingJob = "0123456789abcdef";
    const caseRoutes: [string, (id: number) => string, unknown?][] = [
      ["GET", (id) => `/api/cases/${id}`],
      ["PATCH", (id) => `/api/cases/${id}`, { name: "renamed" }],
      ["DELETE", (id) => `/api/cases/${id}`],
      ["GET", (id) => `/api/cases/${id}/members`],
      ["POST", (id) => `/api/cases/${id}/members`, { email: b.email, role: "analyst" }],
      ["DELETE", (id) => `/api/cases/${id}/members/${a.email}`],
      ["POST", (id) => `/api/cases/${id}/select`],
      ["GET", (id) => `/api/ingestion/jobs?caseId=${id}`],
      ["GET", (id) => `/api/records?caseId=${id}`],
      ["GET", (id) => `/api/records?caseId=${id}&includeDuplicates=1&jobId=${jobA}`],
      ["GET", (id) => `/api/records/export?caseId=${id}&format=csv`],
      ["GET", (id) => `/api/records/export?caseId=${id}&format=xlsx`],
      ["GET", (id) => `/api/records/export?caseId=${id}&format=parquet`],
      ["GET", (id) => `/api/records/targets?caseId=${id}`],
      ["GET", (id) => `/api/records/timeline?caseId=${id}&target=%2B13125550100`],
      ["GET", (id) => `/api/contacts?caseId=${id}`],
    ];
    for (const [method, url, body] of caseRoutes) {
      if (method === "GET") {
        const member = await call(a.cookie, method, url(caseA));
        expect({ url: url(caseA), status: member.status }).toEqual({ url: url(caseA), status: 200 });
      }
      const nonMember = await call(b.cookie, method, url(caseA), body);
      const missing = await call(b.cookie, method, url(missingCase), body);
      expect({ method, url: url(caseA), ...nonMember }).toEqual({ method, url: url(caseA), ...missing });
      expect(nonMember.status).toBe(404);
    }
    // Uploads into a case the user may not see: the same refusal, whether the case is in the form or the URL.
    for (const via of ["field", "query"] as const) {
      const nonMember = await upload(b.cookie, caseA, via);
      const missing = await upload(b.cookie, missingCase, via);
      expect({ via, ...nonMember }).toEqual({ via, ...missing });
      expect(nonMember.status).toBe(404);
    }

    const jobRoutes: [string, (id: string) => string, unknown?][] = [
      ["GET", (id) => `/api/ingestion/jobs/${id}`],
      ["GET", (id) => `/api/ingestion/jobs/${id}/errors`],
      ["POST", (id) => `/api/ingestion/jobs/${id}/retry`],
      ["POST", (id) => `/api/ingestion/jobs/${id}/cancel`],
      ["POST", (id) => `/api/ingestion/jobs/${id}/preview`],
      ["POST", (id) => `/api/ingestion/jobs/${id}/mapping`, { columns: [] }],
      ["DELETE", (id) => `/api/ingestion/jobs/${id}`],
    ];
    for (const [method, url, body] of jobRoutes) {
      const nonMember = await call(b.cookie, method, url(jobA), body);
      const missing = await call(b.cookie, method, url(missingJob), body);
      expect({ method, url: url(jobA), ...nonMember }).toEqual({ method, url: url(jobA), ...missing });
      expect(nonMember.status).toBe(404);
    }
    expect((await call(a.cookie, "GET", `/api/ingestion/jobs/${jobA}`)).status).toBe(200);

    // Without a caseId, lists hold only the user's own cases: nothing of case A shows.
    const lists = await Promise.all(["/api/ingestion/jobs", "/api/records", "/api/contacts", "/api/records/targets", "/api/cases"].map((u) => call(b.cookie, "GET", u)));
    for (const l of lists) expect(l.body).not.toContain(jobA);
    expect(JSON.parse(lists[1]!.body).total).toBe(0);
    expect(JSON.parse(lists[2]!.body).total).toBe(0);
    expect((JSON.parse(lists[4]!.body) as { cases: { id: number }[] }).cases.map((c) => c.id)).toEqual([caseB]);

    // Socket.IO: joining a job or a case dashboard of another case is refused exactly like a missing one.
    const joinJob = (cookie: string, id: string) => socketAck(cookie, (s, done) => s.emit("job:subscribe", id, done));
    const joinCase = (cookie: string, id: number) => socketAck(cookie, (s, done) => s.emit("jobs:subscribe", id, done));
    expect(await joinJob(b.cookie, jobA)).toEqual(await joinJob(b.cookie, missingJob));
    expect(await joinJob(b.cookie, jobA)).toMatchObject({ ok: false });
    expect(await joinJob(a.cookie, jobA)).toMatchObject({ ok: true });
    expect(await joinCase(b.cookie, caseA)).toEqual(await joinCase(b.cookie, missingCase));
    expect(await joinCase(b.cookie, caseA)).toMatchObject({ ok: false });
    expect(await joinCase(a.cookie, caseA)).toMatchObject({ ok: true });
  }, 120_000);

  it("gives each case all the records of a file both load, and a second load into one case nothing", async () => {
    const first = JSON.parse((await call(a.cookie, "GET", `/api/ingestion/jobs/${jobA}`)).body) as { job: { counts: { rows: number; inserted: number; rejected: number } } };
    expect(first.job.counts.inserted).toBeGreaterThan(100);
    const upB = JSON.parse((await upload(b.cookie, caseB)).body) as { jobs: { id: string }[] };
    const jobB = upB.jobs[0]!.id;
    expect(await waitForJob(base, b.cookie, jobB)).toMatch(/completed|partial/);
    const second = JSON.parse((await call(b.cookie, "GET", `/api/ingestion/jobs/${jobB}`)).body) as { job: { counts: { inserted: number; duplicates: number } } };
    expect(second.job.counts).toMatchObject({ inserted: first.job.counts.inserted, duplicates: 0 });
    const recordsB = JSON.parse((await call(b.cookie, "GET", `/api/records?caseId=${caseB}&includeDuplicates=1`)).body) as {
      total: number;
      records: { source_file: string; source_line: number }[];
    };
    expect(recordsB.total).toBe(first.job.counts.inserted);
    expect(recordsB.records[0]).toMatchObject({ source_file: FILE });

    // The same file again into case B: nothing new.
    const again = JSON.parse((await upload(b.cookie, caseB)).body) as { jobs: { id: string }[] };
    expect(await waitForJob(base, b.cookie, again.jobs[0]!.id)).toMatch(/completed|partial/);
    const third = JSON.parse((await call(b.cookie, "GET", `/api/ingestion/jobs/${again.jobs[0]!.id}`)).body) as { job: { counts: { inserted: number; duplicates: number } } };
    expect(third.job.counts).toMatchObject({ inserted: 0, duplicates: first.job.counts.inserted });
    // A member added later sees the case at once, with all its records.
    expect((await call(b.cookie, "POST", `/api/cases/${caseB}/members`, { email: a.email, role: "analyst" })).status).toBe(201);
    const seen = await waitFor(
      "case B in A's list",
      async () => {
        const list = JSON.parse((await call(a.cookie, "GET", "/api/cases")).body) as { cases: { id: number; counts: { records: number } }[] };
        return list.cases.find((c) => c.id === caseB);
      },
      5000,
    );
    expect(seen.counts.records).toBe(first.job.counts.inserted);
  }, 180_000);

  it("exports the case as Parquet through the production server (encoder threads), every record, readable by DuckDB", async () => {
    const res = await fetch(new URL(`/api/records/export?caseId=${caseA}&format=parquet&includeDuplicates=1`, base), { headers: { cookie: a.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    const file = path.join(tmp.dir, "case-a.parquet");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    const [got] = (
      await duck.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT source_line)::INTEGER AS lines, min(source_file) AS file FROM read_parquet('${file}')`)
    ).getRowObjects();
    const first = JSON.parse((await call(a.cookie, "GET", `/api/ingestion/jobs/${jobA}`)).body) as { job: { counts: { inserted: number; duplicates: number } } };
    expect(got).toEqual({ n: first.job.counts.inserted, lines: first.job.counts.inserted, file: FILE });
  }, 60_000);
});
