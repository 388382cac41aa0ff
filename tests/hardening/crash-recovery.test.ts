import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../support/temp-db";

/**
 * The production server is SIGKILLed in the middle of a 200k-row ingest and restarted on the
 * same DATA_DIR: the job must finish, its counts reconcile, the records equal `inserted` with no
 * duplicate hashes, and SQLite's integrity check pass. The restarted server (small limits) then
 * answers an over-size upload with 413 and a burst with 429, stores uploads encrypted, and
 * sends the security headers.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");
const SERVER = path.join(ROOT, "dist/server.mjs");
const built = fs.existsSync(SERVER);
if (!built) process.stderr.write(`[crash-recovery] ${SERVER} is absent (run npm run build): skipping\n`);

const tmp = tempDataDir("switchyard-crash-");
const ADMIN = { email: "admin@example.com", password: "crash-test-password-1" };
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  tmp.cleanup();
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const proc = spawn(process.execPath, [SERVER], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: tmp.dir,
      SWITCHYARD_ADMIN_EMAIL: ADMIN.email,
      SWITCHYARD_ADMIN_PASSWORD: ADMIN.password,
      WORKER_THREADS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(proc);
  let out = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  await until(
    "the server to start",
    async () => {
      if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${out}`);
      return /Switchyard is running/.test(out);
    },
    90_000,
  );
  return proc;
}

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: "POST", headers: { "content-type": "application/json", origin: base }, body: JSON.stringify(ADMIN) });
  expect(res.status).toBe(200);
  const cookie = /sy_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  expect(cookie).toBeTruthy();
  return cookie!;
}

function upload(base: string, cookie: string, name: string, bytes: Buffer): Promise<Response> {
  const form = new FormData();
  form.append("files", new Blob([new Uint8Array(bytes)]), name);
  return fetch(`${base}/api/ingestion/upload`, { method: "POST", headers: { cookie, origin: base }, body: form });
}

interface JobView {
  status: string;
  counts: { rows: number; inserted: number; duplicates: number; rejected: number };
}
async function job(base: string, cookie: string, id: string): Promise<JobView> {
  const res = await fetch(`${base}/api/ingestion/jobs/${id}`, { headers: { cookie } });
  const body = (await res.json()) as JobView & { job?: JobView };
  return body.job ?? body;
}

describe.skipIf(!built)("crash recovery on the production server", () => {
  it("a server killed mid-ingest finishes the job after restart with consistent data", async () => {
    const csvPath = path.join(tmp.dir, "cdr-200k.csv");
    execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-cdr-csv.mjs"), "--rows", "200000", "--out", csvPath], { stdio: "ignore" });
    const csv = fs.readFileSync(csvPath);
    fs.rmSync(csvPath);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(port);
    let cookie = await signIn(base);
    const res = await upload(base, cookie, "cdr-200k.csv", csv);
    expect(res.status).toBe(202);
    const id = ((await res.json()) as { jobs: { id: string }[] }).jobs[0]!.id;

    // At rest the upload is ciphertext.
    const stored = fs.readdirSync(path.join(tmp.dir, "uploads"));
    expect(stored).toHaveLength(1);
    const head = Buffer.alloc(4096);
    const fd = fs.openSync(path.join(tmp.dir, "uploads", stored[0]!), "r");
    fs.readSync(fd, head, 0, 4096, 0);
    fs.closeSync(fd);
    expect(head.subarray(0, 8).toString("latin1")).toBe("SWYENC01");
    expect(head.includes(csv.subarray(0, 64))).toBe(false);

    const mid = await until(
      "rows to be loading",
      async () => {
        const j = await job(base, cookie, id);
        return j.status === "processing" && j.counts.rows > 0 ? j : null;
      },
      120_000,
    );
    first.kill("SIGKILL");
    await until("the server to die", async () => first.signalCode !== null, 10_000);
    expect(mid.counts.rows).toBeLessThan(200_000);

    const second = await start(port, { MAX_UPLOAD_BYTES: "100000", UPLOAD_RATE_PER_MINUTE: "3" });
    cookie = await signIn(base);
    const done = await until(
      "the job to finish",
      async () => {
        const j = await job(base, cookie, id);
        return ["completed", "partial", "failed"].includes(j.status) ? j : null;
      },
      150_000,
    );
    expect(["completed", "partial"]).toContain(done.status);
    const c = done.counts;
    expect(c.rows).toBe(200_000);
    expect(c.rows).toBe(c.inserted + c.duplicates + c.rejected);
    process.stdout.write(`crash-recovery: killed at ${mid.counts.rows} rows read; after restart ${JSON.stringify(c)}\n`);

    // Limits and headers on the restarted server.
    const page = await fetch(`${base}/sign-in`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    const big = await upload(base, cookie, "big.csv", Buffer.alloc(300_000, 0x41));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    expect(fs.readdirSync(path.join(tmp.dir, "uploads"))).toHaveLength(1);
    const statuses: number[] = [];
    const small: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await upload(base, cookie, `s${i}.csv`, Buffer.from(`a,b\n${i},2\n`));
      statuses.push(r.status);
      if (r.status === 202) small.push(((await r.json()) as { jobs: { id: string }[] }).jobs[0]!.id);
      else expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/more than 3 files in the last minute; wait \d+ seconds/);
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    // Let them finish: a job cut off by shutdown leaves its plaintext copy until it reruns or the sweep.
    for (const sid of small)
      await until("small jobs to finish", async () => ["completed", "partial", "failed", "needs_review"].includes((await job(base, cookie, sid)).status), 60_000);

    second.kill("SIGTERM");
    await until("the server to stop", async () => second.exitCode !== null || second.signalCode !== null, 15_000);
    const db = new Database(path.join(tmp.dir, "switchyard.db"), { readonly: true });
    try {
      const count = db.prepare("SELECT COUNT(*) AS n FROM call_records WHERE job_id = ?").get(id) as { n: number };
      expect(count.n).toBe(c.inserted);
      const dupes = db.prepare("SELECT COUNT(*) AS n FROM (SELECT content_hash FROM call_records GROUP BY content_hash HAVING COUNT(*) > 1)").get() as { n: number };
      expect(dupes.n).toBe(0);
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.close();
    }
    // No plaintext copy outlives the job.
    expect(fs.existsSync(path.join(tmp.dir, "work")) ? fs.readdirSync(path.join(tmp.dir, "work")) : []).toEqual([]);
  }, 400_000);
});
