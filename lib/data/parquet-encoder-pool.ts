import { Worker } from "node:worker_threads";
import type { ParquetEncoderMessage } from "../schemas/parquet-encoder-protocol";
import type { ExportScope } from "./sqlite-export-reader";
import type { EncodedGroup } from "./parquet-row-groups";

/**
 * Each thread's heap. Reading and encoding make garbage at a steady pace (a row's values, then its
 * strings as bytes) and V8 lets an uncapped old generation grow to ~80 MB a thread before a full
 * collection: with two threads the exporting process peaked at 348–357 MB against 293–295 MB
 * capped at 128 MB, for the same time (1M records, 6.5–7.2 s). A row group needs ~20 MB. The
 * young generation at 8 MB instead of 16 (2026-12-04, a faster VM, alternating): peak 271–277 MB
 * against 294–304 MB, 4.64–4.67 s against 4.35–4.61 s; an old generation of 96 MB saved less.
 */
const ENCODER_HEAP = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 };

interface Waiting {
  resolve: (groups: EncodedGroup[]) => void;
  reject: (err: Error) => void;
}

/**
 * Encoder threads (workers/parquet-encoder.ts, bundled as dist/workers/parquet-encoder.mjs) for
 * one SQLite export: spans are dealt round robin, each thread reading with its own read-only
 * connection (its own snapshot, opened when the pool starts) and encoding its row groups, so
 * reading and encoding use every core while this thread only writes the bytes out in order.
 */
export class ParquetEncoderPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, Waiting>();
  private seq = 0;
  private failure: Error | undefined;

  constructor(script: string, threads: number, open: { file: string; scope: ExportScope; rowGroupRows: number }) {
    this.workers = Array.from({ length: threads }, () => {
      const w = new Worker(script, { resourceLimits: ENCODER_HEAP });
      w.on("message", (m: ParquetEncoderMessage) => this.receive(m));
      w.on("error", (err) => this.fail(err));
      w.on("exit", (code) => {
        if (this.waiting.size) this.fail(new Error(`a Parquet encoder thread stopped (exit code ${code})`));
      });
      w.postMessage({ type: "open", ...open });
      return w;
    });
  }

  /** The span's row groups, encoded by the next thread in turn. */
  encode(span: { from: number; to: number }): Promise<EncodedGroup[]> {
    if (this.failure) return Promise.reject(this.failure);
    const seq = this.seq++;
    const done = new Promise<EncodedGroup[]>((resolve, reject) => this.waiting.set(seq, { resolve, reject }));
    this.workers[seq % this.workers.length]!.postMessage({ type: "span", seq, ...span });
    return done;
  }

  private receive(m: ParquetEncoderMessage): void {
    if (m.type === "failed" && m.seq < 0) return this.fail(new Error(m.message));
    const w = this.waiting.get(m.seq);
    if (!w) return;
    this.waiting.delete(m.seq);
    if (m.type === "failed") w.reject(new Error(m.message));
    else w.resolve(m.groups as EncodedGroup[]);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.waiting.values()) w.reject(this.failure);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
