// Uploading a file the way a browser's FormData does, and following its job over Socket.IO.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import crypto from "node:crypto";
import { io } from "socket.io-client";

const MIME = {
  ".csv": "text/csv",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pdf": "application/pdf",
};

/**
 * POST /api/ingestion/upload with a multipart body whose file part is piped from disk: the file is
 * never read into memory, and Content-Length is known up front as a browser sends it.
 * Resolves to the parsed 202 body. `caseId`: the case to load into (without it, the user's most
 * recently used case, as the upload route does).
 */
export function uploadFile(base, file, cookie = null, caseId = null) {
  const boundary = `----SwitchyardBench${crypto.randomBytes(12).toString("hex")}`;
  const name = path.basename(file);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\n` +
      `Content-Type: ${MIME[path.extname(name).toLowerCase()] ?? "application/octet-stream"}\r\n\r\n`,
  );
  const foot = Buffer.from(`\r\n--${boundary}--\r\n`);
  const size = fs.statSync(file).size;
  const url = new URL("/api/ingestion/upload", base);
  if (caseId !== null) url.searchParams.set("caseId", String(caseId));
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: {
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "content-length": head.length + size + foot.length,
        origin: new URL(base).origin, // a browser sends Origin on every POST; the server checks it
        ...(cookie ? { cookie } : {}),
      },
    });
    req.on("error", reject);
    req.on("response", (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (res.statusCode !== 202) return reject(new Error(`upload of ${name} answered ${res.statusCode}: ${text.slice(0, 300)}`));
        try {
          resolve(JSON.parse(text));
        } catch {
          reject(new Error(`upload of ${name}: not JSON: ${text.slice(0, 300)}`));
        }
      });
    });
    req.write(head);
    const rs = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    rs.on("error", reject);
    rs.on("end", () => req.end(foot));
    rs.pipe(req, { end: false });
  });
}

export const TERMINAL = new Set(["completed", "partial", "failed", "cancelled", "needs_review"]);

/**
 * One Socket.IO connection for the whole run. It joins the dashboard room at once, so progress
 * events that arrive between the 202 and our `job:subscribe` are still counted; then each job is
 * subscribed by id (with ack) exactly as the browser's job page does. Socket.IO delivers an event
 * once per socket even when the socket is in both rooms.
 */
export async function connectEvents(base, cookie = null) {
  // The session cookie goes in the handshake headers, as the browser sends it (Node client only).
  const socket = io(base, { reconnection: true, timeout: 10_000, ...(cookie ? { extraHeaders: { cookie } } : {}) });
  const jobs = new Map(); // jobId → { progress: number[] (receipt times), updates: [], waiters }
  const entry = (id) => {
    let e = jobs.get(id);
    if (!e) jobs.set(id, (e = { progress: [], lastProgress: null, updates: [], terminal: null, waiters: [] }));
    return e;
  };
  const settle = (id, job, via) => {
    const e = entry(id);
    if (e.terminal) return;
    e.terminal = { job, at: performance.now(), via };
    for (const w of e.waiters.splice(0)) w();
  };
  socket.on("job:progress", (ev) => {
    const e = entry(ev.jobId);
    e.progress.push(performance.now());
    e.lastProgress = ev;
  });
  socket.on("job:updated", (job) => {
    const e = entry(job.id);
    e.updates.push({ status: job.status, at: performance.now() });
    if (TERMINAL.has(job.status)) settle(job.id, job, "socket");
  });
  await new Promise((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("connect_error", (err) => reject(new Error(`Socket.IO did not connect: ${err.message}`)));
  });
  await socket.timeout(10_000).emitWithAck("jobs:subscribe");

  return {
    socket,
    close: () => socket.close(),
    /** Forget what an earlier job recorded (same id never repeats, this only frees memory). */
    events: (id) => entry(id),
    /**
     * Subscribes to the job's room and resolves when it reaches a terminal status. A GET after
     * the ack covers a job that finished before we joined; a slow poll (every 5 s) is only a
     * safety net if an event were lost, and the result says which path saw the end.
     */
    async waitTerminal(id, { stallMs = 600_000, pollMs = 5_000 } = {}) {
      const e = entry(id);
      const ack = await socket.timeout(10_000).emitWithAck("job:subscribe", id);
      if (!ack?.ok) throw new Error(`job:subscribe ${id} refused: ${ack?.error ?? "no reason"}`);
      const getJob = async () => {
        const r = await fetch(new URL(`/api/ingestion/jobs/${id}`, base), { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(30_000) });
        if (!r.ok) throw new Error(`GET job ${id}: ${r.status}`);
        return (await r.json()).job;
      };
      if (!e.terminal) {
        const j = await getJob();
        if (TERMINAL.has(j.status)) settle(id, j, "get-after-subscribe");
      }
      let lastActivity = performance.now();
      let lastCount = -1;
      while (!e.terminal) {
        await new Promise((resolve) => {
          const t = setTimeout(resolve, pollMs);
          e.waiters.push(() => (clearTimeout(t), resolve()));
        });
        if (e.terminal) break;
        const activity = e.progress.length + e.updates.length;
        if (activity !== lastCount) ((lastCount = activity), (lastActivity = performance.now()));
        const j = await getJob().catch(() => null);
        if (j && TERMINAL.has(j.status)) settle(id, j, "poll");
        else if (performance.now() - lastActivity > stallMs) throw new Error(`job ${id} made no progress for ${stallMs / 1000} s (status ${j?.status ?? "?"})`);
      }
      socket.emit("job:unsubscribe", id);
      // The socket's DTO is what the browser shows; re-read it so counts are the stored ones.
      const final = await getJob().catch(() => e.terminal.job);
      return { job: final, at: e.terminal.at, via: e.terminal.via, progressTimes: e.progress };
    },
  };
}

/**
 * Progress events per second over the job's life (a job shorter than 1 s counts as 1 s: five
 * events in 0.4 s are five in that second, not 12.5/s), and the most in any 1-second window,
 * which is what the ≤ 10/s rule is about.
 */
export function progressRates(times, startedAt, endedAt) {
  const secs = Math.max((endedAt - startedAt) / 1000, 1);
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < times.length; hi++) {
    while (times[hi] - times[lo] >= 1000) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return { count: times.length, perSecond: times.length / secs, maxInAnySecond: max };
}
