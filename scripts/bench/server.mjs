// Starting and stopping the production server for the benchmark, and sampling its memory.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { once } from "node:events";
import crypto from "node:crypto";
import { productionEnv } from "../server-env.mjs";

export const BENCH_USER = { email: "bench@switchyard.invalid", password: `tp-${crypto.randomBytes(12).toString("hex")}` };

/**
 * Signs in as the bench admin and returns the session cookie ("name=value") for uploads, job GETs
 * and the Socket.IO handshake. Builds from before authentication answer 404 here: then null, and
 * the bench carries on without a cookie.
 */
export async function signIn(base) {
  const r = await fetch(`${base}/api/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(base).origin },
    body: JSON.stringify({ email: BENCH_USER.email, password: BENCH_USER.password }),
  });
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`sign-in as the bench admin failed: ${r.status} ${(await r.text()).slice(0, 200)}`);
  const cookies = r.headers.getSetCookie?.() ?? [r.headers.get("set-cookie") ?? ""];
  const cookie = cookies
    .map((c) => c.split(";")[0])
    .filter(Boolean)
    .join("; ");
  if (!cookie) throw new Error("sign-in answered without a session cookie");
  return cookie;
}

/**
 * A new case (POST /api/cases) for one bench file: each file is measured as the first of its own
 * investigation, so no file pays for another's records of the same target (contacts merged,
 * near-duplicates linked across files, gaps recounted) and the figures do not depend on the order
 * the files run in. Null when the server has no sign-in (cookie null): uploads then go to the default case.
 */
export async function createCase(base, cookie, name) {
  if (!cookie) return null;
  const r = await fetch(`${base}/api/cases`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: new URL(base).origin, cookie },
    body: JSON.stringify({ name }),
  });
  if (!r.ok) throw new Error(`creating the bench case "${name}" failed: ${r.status} ${(await r.text()).slice(0, 200)}`);
  return (await r.json()).case.id;
}

/** A port the OS says is free right now (bind to 0, read it, release it). */
export async function freePort() {
  const srv = net.createServer();
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  const { port } = srv.address();
  srv.close();
  await once(srv, "close");
  return port;
}

/**
 * Runs `node dist/server.mjs` directly (not through npm or scripts/start.mjs) so the child's pid is
 * the server process itself: its /proc status is what we sample. Output goes to a log file, not to
 * the bench's table. Resolves once GET /api/health answers 200.
 */
export async function startServer({ root, dataDir, port, logFile, cpuProfDir, extraEnv = {} }) {
  const nodeArgs = [];
  // --cpu-prof also profiles worker threads: they inherit the parent's execArgv (piscina passes
  // none of its own) and each thread writes its own CPU.<date>.<pid>.<threadId>.<seq>.cpuprofile.
  if (cpuProfDir) nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`);
  // BENCH_NODE_ARGS: flags Node refuses in NODE_OPTIONS, e.g. "--trace-gc" (its lines go to server.log).
  nodeArgs.push(...(process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean));
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "dist/server.mjs")], {
    cwd: root,
    // The same environment as `npm start` (scripts/server-env.mjs), then the bench's own settings.
    env: {
      ...productionEnv(),
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      // A fresh DATA_DIR has no users: the server creates this admin on first start (the bench
      // signs in with it). Throwaway credentials for a temporary database, nothing else.
      SWITCHYARD_ADMIN_EMAIL: BENCH_USER.email,
      SWITCHYARD_ADMIN_PASSWORD: BENCH_USER.password,
      ...extraEnv,
    },
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited during start-up (${exited.code ?? exited.signal}); see ${logFile}:\n${tail(logFile)}`);
    try {
      const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return { child, base };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error(`the server did not answer /api/health within 180 s; see ${logFile}:\n${tail(logFile)}`);
}

/** SIGTERM (the server's graceful path, which also lets --cpu-prof write its files), SIGKILL after 60 s. */
export async function stopServer(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  await exited;
  clearTimeout(timer);
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/**
 * Samples /proc/<pid>/status every 100 ms. Worker threads share the process's address space, so
 * VmRSS/VmHWM cover the main thread and every worker together: a per-thread figure does not exist
 * at this level. `reset()` starts a new window for the next file: it clears the kernel's high-water
 * mark (writing 5 to /proc/<pid>/clear_refs, allowed for our own child) so VmHWM is that file's
 * peak, and the 100 ms samples back it up where clear_refs is not permitted.
 */
export function createRssSampler(pid, intervalMs = 100) {
  const statusPath = `/proc/${pid}/status`;
  let peakRssKb = 0;
  let maxThreads = 0;
  let hwmResetOk = false;
  const read = () => {
    try {
      const s = fs.readFileSync(statusPath, "utf8");
      const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(s)?.[1] ?? 0);
      return { rssKb: field("VmRSS"), hwmKb: field("VmHWM"), threads: field("Threads") };
    } catch {
      return null; // process gone
    }
  };
  const sample = () => {
    const s = read();
    if (!s) return;
    peakRssKb = Math.max(peakRssKb, s.rssKb);
    maxThreads = Math.max(maxThreads, s.threads);
  };
  const timer = setInterval(sample, intervalMs);
  // utime + stime of every thread of the process, in clock ticks (USER_HZ, 100 on Linux).
  const cpuTicks = () => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return null;
    }
  };
  let cpuAtReset = null;
  return {
    reset() {
      try {
        fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
        hwmResetOk = true;
      } catch {
        hwmResetOk = false;
      }
      peakRssKb = 0;
      maxThreads = 0;
      cpuAtReset = cpuTicks();
      sample();
    },
    /** Peak of this window in MB: the larger of the sampled VmRSS and (when reset worked) VmHWM. */
    window() {
      sample();
      const s = read();
      const hwm = hwmResetOk && s ? s.hwmKb : 0;
      return {
        peakRssMb: Math.max(peakRssKb, hwm) / 1024,
        sampledPeakRssMb: peakRssKb / 1024,
        hwmMb: hwmResetOk && s ? s.hwmKb / 1024 : null,
        rssNowMb: s ? s.rssKb / 1024 : null,
        threads: maxThreads,
        // CPU seconds the server spent on this window (all threads): less sensitive than wall time
        // to a noisy neighbour, and the figure that says whether a change made less work.
        cpuSeconds: cpuAtReset === null || cpuTicks() === null ? null : (cpuTicks() - cpuAtReset) / 100,
      };
    },
    /** VmHWM over the process's whole life (or since the last reset). */
    lifetimeHwmMb() {
      const s = read();
      return s ? s.hwmKb / 1024 : null;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
