import fs from "node:fs/promises";
import type { Runtime } from "../server/runtime";
import { probeUploadStore } from "../storage/upload-store";

/** Below this much free space on the upload volume a node reports itself unhealthy. */
const MIN_FREE_BYTES = 1024 ** 3;

export interface Check {
  ok: boolean;
  detail: string;
}

export interface HealthReport {
  ok: boolean;
  checks: { database: Check; queue: Check; uploads: Check; disk: Check & { freeBytes: number | null } };
  queueDepth: number;
}

/** What a load balancer or an operator asks a node: can it reach the database and the queue, store an upload, and is there room for one. */
export async function checkHealth(runtime: Runtime): Promise<HealthReport> {
  const [database, uploads, disk] = await Promise.all([
    probe(async () => {
      const t = Date.now();
      await runtime.db.$queryRawUnsafe("SELECT 1");
      return `reachable in ${Date.now() - t} ms`;
    }),
    // Where new uploads go: DATA_DIR/uploads, or the STORAGE_URL bucket (a probe object, removed at once).
    probe(() => probeUploadStore(runtime.config.uploadsDir)),
    freeSpace(runtime.config.uploadsDir),
  ]);
  const queue = await probe(async () => {
    const health = (runtime.queue as { health?: () => Promise<string> }).health;
    return health ? health.call(runtime.queue) : `in-process queue, ${runtime.queue.depth} waiting`;
  });
  const checks = { database, queue, uploads, disk };
  return { ok: Object.values(checks).every((c) => c.ok), checks, queueDepth: runtime.queue.depth };
}

async function probe(fn: () => Promise<string>): Promise<Check> {
  try {
    return { ok: true, detail: await fn() };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}

async function freeSpace(dir: string): Promise<Check & { freeBytes: number | null }> {
  try {
    await fs.mkdir(dir, { recursive: true });
    const s = await fs.statfs(dir);
    const free = s.bavail * s.bsize;
    const ok = free >= MIN_FREE_BYTES;
    return { ok, freeBytes: free, detail: `${(free / 1024 ** 3).toFixed(1)} GiB free${ok ? "" : ` (below ${MIN_FREE_BYTES / 1024 ** 3} GiB)`}` };
  } catch (err) {
    return { ok: false, freeBytes: null, detail: err instanceof Error ? err.message : String(err) };
  }
}
