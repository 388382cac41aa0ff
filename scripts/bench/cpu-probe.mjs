// How much CPU the machine gives right now: a fixed integer loop timed on one thread, then on one
// thread per core at once. `npm run bench` runs it before and after its files and prints both.
//
// Why: VMs of the same kind ("2 cores") ran the same code twice as fast on one day as on another
// (the 1M-row CSV in 6.2 s against 11.0–13.4 s), and on 2026-12-05 two threads of pure JavaScript
// on this kind of VM took 0.49–1.01 s against 0.48–0.71 s for one: 1.3–2.2 cores' worth. A
// pipeline of producers, a writer and a database can go no faster than the cores it is given, so
// a run's figures mean little without this one beside them.
//
// usage (alone): node scripts/bench/cpu-probe.mjs
import os from "node:os";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";

/** Iterations of the loop: ~0.5 s on one core of the 2026 VMs. */
const ITERATIONS = 300_000_000;
/** Rounds of (one thread, all threads); the best of each is reported, as the DuckDB figures are. */
const ROUNDS = 3;

// Plain integer work, its result posted back so the loop cannot be optimized away.
const LOOP = `const { parentPort, workerData } = require("node:worker_threads");
function spin(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x += i % 7;
  return x;
}
parentPort.postMessage(spin(workerData));`;

/** Milliseconds for `threads` threads to each run the loop once, started together. */
async function timeThreads(threads, iterations) {
  const workers = Array.from({ length: threads }, () => new Worker(LOOP, { eval: true, workerData: iterations }));
  // Start the clock once every thread is up: thread start-up is not what is measured.
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once("online", resolve))));
  const t0 = performance.now();
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once("message", resolve).once("error", reject))));
  const ms = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return ms;
}

/**
 * { threads, oneMs, allMs, cores }: the best single-thread and all-threads times of ROUNDS rounds,
 * and the cores' worth of work the machine delivered (threads × oneMs ÷ allMs; `threads` on an idle
 * machine with as many real cores).
 */
export async function probeCpu({ threads = os.availableParallelism(), iterations = ITERATIONS, rounds = ROUNDS } = {}) {
  let oneMs = Infinity;
  let allMs = Infinity;
  for (let r = 0; r < rounds; r++) {
    oneMs = Math.min(oneMs, await timeThreads(1, iterations));
    allMs = Math.min(allMs, await timeThreads(threads, iterations));
  }
  return { threads, oneMs: Math.round(oneMs), allMs: Math.round(allMs), cores: +((threads * oneMs) / allMs).toFixed(2) };
}

/** One line for the bench's header. */
export function formatProbe(p) {
  return `one thread ${(p.oneMs / 1000).toFixed(2)} s, ${p.threads} at once ${(p.allMs / 1000).toFixed(2)} s (${p.cores.toFixed(2)} cores' worth)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const p = await probeCpu();
  process.stdout.write(`CPU probe: ${formatProbe(p)}\n`);
}
