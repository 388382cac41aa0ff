import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { io as ioClient, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script (another engineer's) without type declarations
import { writeCdrCsv } from "../../scripts/gen-cdr-csv.mjs";
import { cdrFixtures, loadCdrTruths } from "../support/corpora";
import { TEST_PG_URL, tempPgSchema } from "../support/pg-test-db";
import { ensureBuilt, startNode, stopNode, waitFor, type Node } from "./cluster";

/**
 * Two web nodes (WORKER_THREADS=0) and two standalone workers on one PostgreSQL schema and one
 * upload directory, on loopback. Files go in through web A; progress is watched through web B's
 * Socket.IO; one worker is SIGKILLed in the middle of a large file. Every job must still finish
 * with exact counts, and the large file's records must be there exactly once.
 */
const dir = cdrFixtures();
const pgdb = await tempPgSchema("scale");
const BIG_ROWS = Number(process.env.SWITCHYARD_SCALE_ROWS ?? 300_000);
const EMAIL = "scale-admin@example.com";
const PASSWORD = "correct horse battery staple 42";
const data = fs.mkdtempSync(path.join(os.tmpdir(), "switchyard-scale-"));
const bigFile = path.join(data, "big-att.csv");
const nodes: Node[] = [];
const portA = 3400 + Math.floor(Math.random() * 200);
const portB = portA + 1;
let socket: Socket | null = null;
const sql = new pg.Pool({ connectionString: TEST_PG_URL, max: 2 });

afterAll(async () => {
  socket?.close();
  for (const n of nodes) await stopNode(n);
  await sql.end();
  await pgdb?.cleanup();
  fs.rmSync(data, { recursive: true, force: true });
}, 60_000);

describe.skipIf(!pgdb || !dir)("scale-out on loopback: 2 web nodes + 2 workers (real PostgreSQL)", () => {
  const METRICS_TOKEN = "two-nodes-metrics-token";
  const env = () => ({ DATABASE_URL: pgdb!.databaseUrl, DATA_DIR: data, SWITCHYARD_ADMIN_EMAIL: EMAIL, SWITCHYARD_ADMIN_PASSWORD: PASSWORD, HOST: "127.0.0.1", METRICS_TOKEN });

  beforeAll(async () => {
    ensureBuilt();
    await writeCdrCsv({ rows: BIG_ROWS, out: bigFile });
    // A first (it creates the admin and migrates), then the others in parallel.
    // Each node is recorded as soon as it runs, so afterAll stops it even when another fails to start.
    const start = async (...args: Parameters<typeof startNode>) => nodes.push(await startNode(...args));
    await start("web-a", "dist/server.mjs", { ...env(), PORT: String(portA), WORKER_THREADS: "0" }, /running at/);
    await Promise.all([
      start("web-b", "dist/server.mjs", { ...env(), PORT: String(portB), WORKER_THREADS: "0" }, /running at/),
      start("worker-1", "dist/worker-main.mjs", { ...env(), WORKER_THREADS: "1", PGAPPNAME: `${pgdb!.schema}-w1` }, /worker ready/),
      start("worker-2", "dist/worker-main.mjs", { ...env(), WORKER_THREADS: "1", PGAPPNAME: `${pgdb!.schema}-w2` }, /worker ready/),
    ]);
  }, 600_000);

  it("every job completes with exact counts although a worker is killed mid-file", async () => {
    const a = `http://127.0.0.1:${portA}`;
    const b = `http://127.0.0.1:${portB}`;
    const signIn = await fetch(`${a}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;

    // Web B's Socket.IO: the dashboard stream of every job (admin).
    const progress = new Map<string, number>();
    const finals = new Map<string, { status: string; counts: { rows: number; inserted: number; duplicates: number; rejected: number } }>();
    socket = ioClient(b, { transports: ["websocket"], extraHeaders: { cookie } });
    socket.on("job:progress", (e: { jobId: string; percent: number }) => progress.set(e.jobId, Math.max(progress.get(e.jobId) ?? 0, e.percent)));
    socket.on("job:updated", (j: { id: string; status: string; counts: never }) => {
      if (["completed", "partial", "failed", "cancelled"].includes(j.status)) finals.set(j.id, j);
    });
    await new Promise<void>((resolve, reject) => socket!.emit("jobs:subscribe", (r: { ok: boolean }) => (r.ok ? resolve() : reject(new Error("subscribe refused")))));

    // Everything goes into one case made for the run (issue 16: the case is the unit of data).
    const created = await fetch(`${a}/api/cases`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "scale run" }) });
    expect(created.status).toBe(201);
    const caseId = ((await created.json()) as { case: { id: number } }).case.id;

    const upload = async (files: string[]) => {
      const form = new FormData();
      form.append("caseId", String(caseId));
      for (const f of files) form.append("files", new Blob([fs.readFileSync(f)]), path.basename(f));
      const res = await fetch(`${a}/api/ingestion/upload`, { method: "POST", headers: { cookie }, body: form });
      expect(res.status).toBe(202);
      return ((await res.json()) as { jobs: { id: string; fileName: string }[] }).jobs;
    };
    const [big] = await upload([bigFile]);

    // Which worker holds the big job's running lock? Kill it once the load is under way.
    const holder = await waitFor(
      "a worker running the big file",
      async () => {
        if ((progress.get(big!.id) ?? 0) < 5) return null;
        const { rows } = await sql.query<{ app: string }>(
          `SELECT a.application_name AS app FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 7101 AND l.objsubid = 2
            AND l.objid = ((hashtext($1)::bigint + 4294967296) % 4294967296)::oid`,
          [big!.id],
        );
        return rows[0]?.app ?? null;
      },
      120_000,
    );
    const victim = nodes.find((n) => holder.endsWith(n.name.replace("worker-", "-w")))!;
    expect(victim).toBeDefined();
    const killedAt = progress.get(big!.id)!;
    victim.proc.kill("SIGKILL");
    const killTime = Date.now();
    expect(killedAt).toBeLessThan(100);

    const truths = loadCdrTruths(dir!)
      .filter((t) => !t.expect_review)
      .slice(0, 5);
    const small = await upload(truths.map((t) => path.join(dir!, t.file)));

    const all = [big!, ...small];
    await waitFor("every job finished (seen through web B)", async () => all.every((j) => finals.has(j.id)), 400_000);

    const bigFinal = finals.get(big!.id)!;
    process.stderr.write(
      `[scale] ${victim.name} SIGKILLed at ${killedAt.toFixed(0)} % of ${BIG_ROWS} rows; every job finished ${((Date.now() - killTime) / 1000).toFixed(0)} s later\n`,
    );
    expect(bigFinal.status).toBe("completed");
    expect(bigFinal.counts).toEqual({ rows: BIG_ROWS, inserted: BIG_ROWS, duplicates: 0, rejected: 0 });
    const s = pgdb!.schema;
    const {
      rows: [stored],
    } = await sql.query<{ n: number; distinct_hashes: number; distinct_lines: number }>(
      `SELECT COUNT(*)::int AS n, COUNT(DISTINCT content_hash)::int AS distinct_hashes, COUNT(DISTINCT line)::int AS distinct_lines FROM "${s}".call_records WHERE job_id = $1`,
      [big!.id],
    );
    expect(stored).toEqual({ n: BIG_ROWS, distinct_hashes: BIG_ROWS, distinct_lines: BIG_ROWS });
    const {
      rows: [job],
    } = await sql.query<{ attempts: number; case_id: number }>(`SELECT attempts, case_id FROM "${s}".ingestion_jobs WHERE id = $1`, [big!.id]);
    expect(job!.attempts).toBeGreaterThanOrEqual(2);
    expect(job!.case_id).toBe(caseId);
    // Every record carries the case; the rerun's purge of the killed attempt left no stray contacts.
    const {
      rows: [inCase],
    } = await sql.query<{ records: number; other_cases: number; contact_rows: number; contact_keys: number }>(
      `SELECT (SELECT COUNT(*)::int FROM "${s}".call_records WHERE job_id = $1 AND case_id = $2) AS records,
              (SELECT COUNT(*)::int FROM "${s}".call_records WHERE case_id <> $2) AS other_cases,
              (SELECT COUNT(*)::int FROM "${s}".contacts WHERE case_id = $2) AS contact_rows,
              (SELECT COUNT(DISTINCT (target, number))::int FROM "${s}".contacts WHERE case_id = $2) AS contact_keys`,
      [big!.id, caseId],
    );
    expect(inCase!.records).toBe(BIG_ROWS);
    expect(inCase!.other_cases).toBe(0);
    expect(inCase!.contact_rows).toBeGreaterThan(0);
    expect(inCase!.contact_rows).toBe(inCase!.contact_keys);

    for (const [i, t] of truths.entries()) {
      const f = finals.get(small[i]!.id)!;
      expect(f.counts.inserted, t.file).toBe(t.records.length);
      expect(f.counts.rejected, t.file).toBe(t.rejected_lines.length);
    }
    // Progress of jobs the workers ran reached web B's browser socket.
    expect(progress.get(big!.id)).toBe(100);

    // Operations endpoints on either node.
    // The details and the metrics are for operators: the metrics token (issue 19).
    const ops = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } };
    const health = (await (await fetch(`${b}/api/health`, ops)).json()) as { ok: boolean; checks: Record<string, { ok: boolean }> };
    expect(health.checks.database!.ok && health.checks.queue!.ok && health.checks.uploads!.ok).toBe(true);
    const metrics = await (await fetch(`${a}/api/metrics`, ops)).text();
    expect(metrics).toMatch(new RegExp(`switchyard_jobs\\{status="completed",carrier="att"\\} \\d+`));
    expect(metrics).toMatch(/switchyard_job_processing_seconds_bucket/);
  }, 600_000);
});
