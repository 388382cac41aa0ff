#!/usr/bin/env node
// Summarizes V8 .cpuprofile files (from `node --cpu-prof`): self time by function and file, per
// thread. Thread 0 is the server's main thread (Next.js, Socket.IO, queue); higher thread ids are
// the piscina ingest workers, where the parsing engine runs.
//
// usage: node scripts/bench/cpu-profile-summary.mjs DIR_OR_FILES... [--top 20]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Self milliseconds per (function, file:line) of one profile, largest first. */
export function summarizeProfile(file, top = 20) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  // samples[i] was taken timeDeltas[i] µs after the previous one; charge that time to the sampled node.
  for (let i = 0; i < prof.samples.length; i++) selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + (prof.timeDeltas[i] ?? 0));
  const agg = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const { callFrame: cf } = byId.get(id);
    if (cf.functionName === "(idle)") {
      idle += us;
      continue;
    }
    total += us;
    const where = cf.url ? `${shortUrl(cf.url)}:${cf.lineNumber + 1}` : "";
    const key = `${cf.functionName || "(anonymous)"}\t${where}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
  }
  const rows = [...agg.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, us]) => {
      const [fn, where] = k.split("\t");
      return { function: fn, file: where, selfMs: us / 1000, percent: (100 * us) / Math.max(total, 1) };
    });
  const m = /CPU\.\d+\.\d+\.(\d+)\.(\d+)\.\d+\.cpuprofile$/.exec(path.basename(file));
  return { file, pid: m ? Number(m[1]) : null, thread: m ? Number(m[2]) : null, busyMs: total / 1000, idleMs: idle / 1000, top: rows };
}

/** Paths relative to the project or node_modules, so the table stays readable. */
function shortUrl(url) {
  const p = url.replace(/^file:\/\//, "");
  const nm = p.lastIndexOf("node_modules/");
  if (nm >= 0) return p.slice(nm + "node_modules/".length);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..") + "/";
  return p.startsWith(root) ? p.slice(root.length) : p;
}

export function printSummary(s, write = (t) => process.stdout.write(t)) {
  write(
    `\n${path.basename(s.file)}  thread ${s.thread ?? "?"}${s.thread === 0 ? " (main)" : " (worker)"}  busy ${(s.busyMs / 1000).toFixed(1)} s, idle ${(s.idleMs / 1000).toFixed(1)} s\n`,
  );
  write(`  ${"self ms".padStart(9)} ${"%".padStart(5)}  function  (file:line)\n`);
  for (const r of s.top) write(`  ${r.selfMs.toFixed(0).padStart(9)} ${r.percent.toFixed(1).padStart(5)}  ${r.function}  ${r.file}\n`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const ti = args.indexOf("--top");
  const top = ti >= 0 ? Number(args.splice(ti, 2)[1]) : 20;
  const files = args.flatMap((a) =>
    fs.statSync(a).isDirectory()
      ? fs
          .readdirSync(a)
          .filter((f) => f.endsWith(".cpuprofile"))
          .map((f) => path.join(a, f))
      : [a],
  );
  if (files.length === 0) {
    process.stderr.write("usage: node scripts/bench/cpu-profile-summary.mjs DIR_OR_FILES... [--top 20]\n");
    process.exit(2);
  }
  for (const f of files.sort()) printSummary(summarizeProfile(f, top));
}
