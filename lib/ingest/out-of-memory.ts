/** Whether an error means a thread died of its heap cap (ERR_WORKER_OUT_OF_MEMORY). */
export function isOutOfMemory(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === "ERR_WORKER_OUT_OF_MEMORY" || /memory limit|out of memory/i.test(String(e?.message ?? ""));
}

/** The job's failure sentence when a worker (pool thread or its row producer) ran out of heap. */
export const OUT_OF_MEMORY_MESSAGE =
  "Reading this file needed more memory than a worker is allowed, so it was stopped; the file may be damaged or built to exhaust memory. Split it or save it as plain CSV and try again.";
