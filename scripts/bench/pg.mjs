// The PostgreSQL path of `npm run bench` (issue 20): the scale-out deployment of docs/deployment.md
// on loopback — one web node that only enqueues (WORKER_THREADS=0) and standalone workers
// (dist/worker-main.mjs, what `npm run worker` runs) with WORKER_THREADS=1 each, on a fresh schema
// of the local PostgreSQL, sharing one DATA_DIR. Measured through the web node exactly as the SQLite
// server is (streamed upload, Socket.IO until the terminal status), so every figure includes the
// queue hand-off and the post-load (near-duplicate links, contacts, gaps), which runs before a job
// completes.
//
//   1 worker:  the file, then the same file again (all duplicates)
//   2 workers: two other files of the same shape uploaded together; rows/s = both files' rows ÷
//              first byte sent → last terminal status; speed-up = that ÷ the 1-worker rows/s
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { productionEnv } from "../server-env.mjs";
import { BENCH_USER, createCase, createRssSampler, freePort, signIn, startServer, stopServer, tail } from "./server.mjs";
import { connectEvents, uploadFile } from "./upload.mjs";

export const DEFAULT_PG_URL = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** Whether `url` answers; { ok: true } or { ok: false, reason }. */
export async function pgReachable(url) {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: `${url.replace(/\/\/[^@]*@/, "//…@")} is unreachable (${err.message})` };
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * The server's version, its database's collation and the settings a bulk load leans on: figures
 * from another PostgreSQL are only comparable with these beside them (a linguistic collation made
 * the records' COPY ~1.5× slower before migration 0016; docs/architecture.md, "PostgreSQL keys in
 * byte order").
 */
async function pgServerFacts(url) {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    // Through to_jsonb: the provider column is new in 15 and the ICU locale's was renamed in 17.
    const { rows } = await c.query(
      `SELECT split_part(version(), ' ', 2) AS version, d.datcollate AS collation, to_jsonb(d) ->> 'datlocprovider' AS provider,
              COALESCE(to_jsonb(d) ->> 'daticulocale', to_jsonb(d) ->> 'datlocale') AS icu,
              current_setting('shared_buffers') AS "sharedBuffers", current_setting('max_wal_size') AS "maxWalSize"
         FROM pg_database d WHERE d.datname = current_database()`,
    );
    const r = rows[0];
    return { ...r, collation: r.provider === "i" ? `ICU ${r.icu}` : r.collation };
  } catch {
    return null; // only a description of the server: the run does not need it
  } finally {
    await c.end().catch(() => {});
  }
}

/**
 * CPU seconds (user + system) the `postgres` processes of this machine spend between start() and
 * stop(): the database shares the two cores with the workers, so its share is part of what limits
 * a load. Sampled every 200 ms per process, because backends come and go with the pools (a backend
 * that starts and exits between two samples is missed: a lower bound).
 */
function postgresCpu() {
  const seen = new Map(); // pid → { first, last } ticks
  const read = () => {
    for (const pid of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        if (!stat.includes("(postgres)")) continue;
        const f = stat.split(") ")[1].split(" ");
        const ticks = Number(f[11]) + Number(f[12]);
        const e = seen.get(pid);
        if (e) e.last = ticks;
        else seen.set(pid, { first: started ? 0 : ticks, last: ticks }); // a backend born meanwhile counts whole
      } catch {
        // gone meanwhile
      }
    }
  };
  let started = false;
  read();
  started = true;
  const timer = setInterval(read, 200);
  return {
    stop() {
      clearInterval(timer);
      read();
      let ticks = 0;
      for (const e of seen.values()) ticks += e.last - e.first;
      return ticks / 100;
    },
  };
}

/** Starts a standalone worker; resolves once it prints its ready line. */
async function startWorker({ root, env, logFile, name }) {
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(root, "dist/worker-main.mjs")], {
    cwd: root,
    env: { ...productionEnv(process.env, { worker: true }), ...env, PGAPPNAME: name },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} exited during start-up; ${logFile}:\n${tail(logFile)}`);
    if (/worker ready/.test(fs.readFileSync(logFile, "utf8"))) return child;
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not get ready within 120 s; ${logFile}:\n${tail(logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Runs the PostgreSQL path. `measureUpload(node, events, sampler, file, pass)` is bench.mjs's
 * one-upload measurement (here the sampler watches the worker, the process that loads).
 * Resolves to { schema, single: [first, re-upload], pair: {...} | null, errors: [] }.
 */
export async function runPgPath({ root, tmp, pgUrl, file, pairFiles, measureUpload, status, keep }) {
  const schema = `bench_${crypto.randomBytes(4).toString("hex")}`;
  const u = new URL(pgUrl);
  u.searchParams.set("schema", schema);
  const dataDir = path.join(tmp, "pg-data");
  const env = {
    DATABASE_URL: u.toString(),
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    SWITCHYARD_ADMIN_EMAIL: BENCH_USER.email,
    SWITCHYARD_ADMIN_PASSWORD: BENCH_USER.password,
  };
  const out = { schema, workerThreads: 1, server: null, single: [], pair: null, errors: [] };
  const workers = [];
  let web = null;
  let events = null;
  const samplers = [];
  try {
    out.server = await pgServerFacts(pgUrl);
    const port = await freePort();
    status(`PostgreSQL: web node (WORKER_THREADS=0) on port ${port}, schema ${schema}…`);
    web = await startServer({ root, dataDir, port, logFile: path.join(tmp, "pg-web.log"), extraEnv: { ...env, WORKER_THREADS: "0" } });
    status("PostgreSQL: worker 1 (WORKER_THREADS=1)…");
    workers.push(await startWorker({ root, env: { ...env, WORKER_THREADS: "1" }, logFile: path.join(tmp, "pg-worker-1.log"), name: `${schema}-w1` }));
    web.cookie = await signIn(web.base);
    events = await connectEvents(web.base, web.cookie);
    samplers.push(createRssSampler(workers[0].pid));
    // A case of its own in this database (the SQLite run's case ids mean nothing here).
    const pgFile = { ...file, caseId: await createCase(web.base, web.cookie, `bench pg ${path.basename(file.path)}`) };
    for (const pass of ["first", "re-upload"]) {
      status(`PostgreSQL, 1 worker: ${path.basename(file.path)} ${pass}…`);
      try {
        const pgCpu = postgresCpu();
        const r = await measureUpload(web, events, samplers[0], pgFile, pass);
        r.postgresCpuSeconds = pgCpu.stop();
        out.single.push({ ...r, kind: `pg:${file.kind}`, label: `PG 1 worker: ${r.file}`, engine: "postgres", workers: 1 });
        status(
          `  ${r.status} in ${r.seconds.toFixed(2)} s (${Math.round(r.rowsPerSecond).toLocaleString("en-US")} rows/s, worker CPU ${r.cpuSeconds} s, PostgreSQL CPU ${r.postgresCpuSeconds.toFixed(1)} s, worker peak RSS ${Math.round(r.peakRssMb)} MB)`,
        );
      } catch (err) {
        out.errors.push({ kind: `pg:${file.kind}`, pass, reason: err.message });
        status(`  failed: ${err.message}`);
      }
    }
    if (pairFiles?.length === 2) {
      status("PostgreSQL: worker 2 (WORKER_THREADS=1)…");
      workers.push(await startWorker({ root, env: { ...env, WORKER_THREADS: "1" }, logFile: path.join(tmp, "pg-worker-2.log"), name: `${schema}-w2` }));
      samplers.push(createRssSampler(workers[1].pid));
      status(`PostgreSQL, 2 workers: ${pairFiles.map((f) => path.basename(f.path)).join(" + ")} uploaded together…`);
      try {
        out.pair = await measurePair(web, events, samplers, pairFiles);
        status(`  ${out.pair.statuses.join(", ")} in ${out.pair.seconds.toFixed(2)} s (${Math.round(out.pair.rowsPerSecond).toLocaleString("en-US")} rows/s together)`);
      } catch (err) {
        out.errors.push({ kind: "pg:2-workers", pass: "first", reason: err.message });
        status(`  failed: ${err.message}`);
      }
    }
  } catch (err) {
    out.errors.push({ kind: "pg", pass: "setup", reason: err.message });
    status(`PostgreSQL path failed: ${err.message}`);
  } finally {
    events?.close();
    for (const s of samplers) s.stop();
    for (const w of workers) await stopServer(w);
    if (web) await stopServer(web.child);
    if (!keep) await dropSchemas(pgUrl, schema).catch((err) => status(`could not drop schema ${schema}: ${err.message}`));
  }
  return out;
}

/** Both files uploaded at once (one per worker); timed from the first byte to the last terminal status. */
async function measurePair(web, events, samplers, files) {
  for (const s of samplers) s.reset();
  const pgCpu = postgresCpu();
  const cases = await Promise.all(files.map((f) => createCase(web.base, web.cookie, `bench pg ${path.basename(f.path)}`)));
  const t0 = performance.now();
  const answers = await Promise.all(files.map((f, i) => uploadFile(web.base, f.path, web.cookie, cases[i])));
  const ids = answers.map((a) => a.jobs?.[0]?.id);
  if (ids.some((id) => !id)) throw new Error(`an upload answered without a job id: ${JSON.stringify(answers).slice(0, 200)}`);
  const ends = await Promise.all(ids.map((id) => events.waitTerminal(id, { stallMs: 600_000 })));
  const seconds = (Math.max(...ends.map((e) => e.at)) - t0) / 1000;
  const rows = ends.reduce((n, e) => n + (e.job.counts?.rows ?? 0), 0);
  const mem = samplers.map((s) => s.window());
  return {
    files: files.map((f) => path.basename(f.path)),
    statuses: ends.map((e) => e.job.status),
    counts: ends.map((e) => e.job.counts ?? {}),
    perFileSeconds: ends.map((e) => (e.at - t0) / 1000),
    seconds,
    rows,
    rowsPerSecond: rows / seconds,
    workerPeakRssMb: mem.map((m) => m.peakRssMb),
    workerCpuSeconds: mem.map((m) => m.cpuSeconds),
    postgresCpuSeconds: pgCpu.stop(),
  };
}

async function dropSchemas(url, schema) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await c.query(`DROP SCHEMA IF EXISTS "${schema}_boss" CASCADE`);
  } finally {
    await c.end();
  }
}
