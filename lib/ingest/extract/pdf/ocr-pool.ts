import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import type Tesseract from "tesseract.js";

/** The English model shipped inside npm (@tesseract.js-data/eng): nothing is downloaded at run time. */
function langPath(): string {
  const require = createRequire(import.meta.url);
  // best_int over the package's other model (4.0.0, legacy + LSTM): same words on our scans, and the
  // 4.0.0 one was slower and ~50 MB bigger per worker. No "fast" model ships in the package.
  return path.join(path.dirname(require.resolve("@tesseract.js-data/eng/package.json")), "4.0.0_best_int");
}

/** One tesseract worker per core, at most two: each is single-threaded wasm and holds ~100 MB. */
const MAX_WORKERS = 2;
/**
 * Workers stay up this long after their last page so the next pages and the next job skip the
 * start-up (~0.5 s CPU: wasm compile, model) and the wasm warm-up (the first page on a new worker
 * took ~0.5–0.8 s more CPU than the next); short, because live workers keep a process alive (the
 * CLI closes the pool itself when its files are done: closeSharedOcrPool).
 */
const IDLE_CLOSE_MS = 5_000;

async function startWorker(): Promise<Tesseract.Worker> {
  const { createWorker, OEM, PSM } = await import("tesseract.js");
  const worker = await createWorker("eng", OEM.LSTM_ONLY, { langPath: langPath(), gzip: true, cacheMethod: "none" });
  await worker.setParameters({
    // One uniform block: table rows come out as text lines. Measured on a generated CDR page it was
    // twice as fast as sparse-text mode and, unlike it, kept one-digit cells ("1", "2").
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    user_defined_dpi: "300",
    // Tesseract re-reads every low-confidence word inverted (white on black); call records are never
    // printed inverted. No CPU change on our clean scans (same cells: 931/972 with and without), but
    // on a noisy scan each doubtful word would be read twice.
    tessedit_do_invert: "0",
  });
  return worker;
}

/**
 * A lazy pool of tesseract workers shared by every PDF of the process: pages queue for a worker,
 * the first pages start the workers, and they end together after IDLE_CLOSE_MS without work.
 */
export class OcrPool {
  private readonly idle: Tesseract.Worker[] = [];
  private readonly waiting: { resolve: (w: Tesseract.Worker) => void; reject: (err: unknown) => void }[] = [];
  private live = 0;
  private busy = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly size = Math.max(1, Math.min(MAX_WORKERS, os.availableParallelism()))) {}

  /** Runs `task` with a worker of its own; the worker is someone else's as soon as the promise settles. */
  async run<T>(task: (worker: Tesseract.Worker) => Promise<T>): Promise<T> {
    this.busy++;
    if (this.timer) (clearTimeout(this.timer), (this.timer = null));
    let worker: Tesseract.Worker;
    try {
      worker = await this.acquire();
    } catch (err) {
      this.settle();
      throw err;
    }
    let healthy = true;
    try {
      return await task(worker);
    } catch (err) {
      // A failed recognize may leave the wasm instance in any state: replace the worker.
      healthy = false;
      throw err;
    } finally {
      if (healthy) this.release(worker);
      else {
        this.live--;
        void worker.terminate().catch(() => {});
        this.wakeWaiter();
      }
      this.settle();
    }
  }

  private acquire(): Promise<Tesseract.Worker> {
    const ready = this.idle.pop();
    if (ready) return Promise.resolve(ready);
    if (this.live < this.size) {
      this.live++;
      return startWorker().catch((err: unknown) => {
        this.live--;
        throw err;
      });
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(worker: Tesseract.Worker): void {
    const next = this.waiting.shift();
    if (next) next.resolve(worker);
    else this.idle.push(worker);
  }

  /** After a worker was dropped: start a fresh one for the first page still waiting. */
  private wakeWaiter(): void {
    const next = this.waiting.shift();
    if (!next) return;
    this.live++;
    startWorker().then(next.resolve, (err: unknown) => {
      this.live--;
      next.reject(err);
    });
  }

  private settle(): void {
    this.busy--;
    if (this.busy > 0 || this.live === 0) return;
    this.timer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    this.timer.unref();
  }

  /** Ends the idle workers (a busy pool closes itself once idle). */
  async close(): Promise<void> {
    if (this.timer) (clearTimeout(this.timer), (this.timer = null));
    if (this.busy > 0) return;
    const workers = this.idle.splice(0);
    this.live -= workers.length;
    await Promise.all(workers.map((w) => w.terminate().catch(() => {})));
  }
}

let shared: OcrPool | null = null;

/** The process's pool (one per worker thread that reads scanned PDFs). */
export function sharedOcrPool(): OcrPool {
  shared ??= new OcrPool();
  return shared;
}

/** Ends the process's pool, if it was started: a CLI run exits at once instead of after IDLE_CLOSE_MS. */
export async function closeSharedOcrPool(): Promise<void> {
  await shared?.close();
}
