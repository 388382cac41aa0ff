import type { Db } from "../db/prisma";
import { log } from "../log";
import { executeJob, type TaskRunner } from "./execute-job";
import type { JobEvents } from "./job-events";
import type { QueuePort } from "./queue-port";
import { createJob, type NewJobInput } from "./job-commands";
import type { JobDto } from "../schemas/job";
import { purgeCancelled } from "./purge-job";

/**
 * The embedded queue: its state lives in the jobs table (status `queued`), this class only
 * decides what runs next. On start, jobs left `processing` by a crash or restart are re-queued
 * (the sink's begin() clears their partial load, so a rerun is idempotent), and jobs cancelled
 * while running that a crash kept from purging are purged.
 *
 * Cancel: a waiting job is dropped (and executeJob's conditional claim refuses a cancelled job
 * anyway, should it be taken at that very moment); a running one gets its shared flag set, which
 * its worker polls between batches.
 */
export class JobQueue implements QueuePort {
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, Int32Array>();
  /** Jobs enqueued again (a retry, a confirmed mapping) while their previous run was still ending: run once it has. */
  private readonly again = new Set<string>();

  constructor(
    private readonly db: Db,
    private readonly databaseUrl: string,
    private readonly run: TaskRunner,
    private readonly events: JobEvents,
    private readonly concurrency: number,
  ) {}

  async recover(): Promise<number> {
    await this.db.ingestionJob.updateMany({ where: { status: "processing" }, data: { status: "queued", stage: null } });
    const leftovers = await this.db.ingestionJob.findMany({
      where: { status: "cancelled", OR: [{ records: { some: {} } }, { errors: { some: {} } }] },
      select: { id: true },
    });
    for (const j of leftovers) {
      await purgeCancelled(this.db, this.databaseUrl, j.id).catch((err: unknown) => log.error({ err, jobId: j.id }, "purging a cancelled job failed"));
    }
    const queued = await this.db.ingestionJob.findMany({ where: { status: "queued" }, orderBy: [{ queuedAt: "asc" }, { createdAt: "asc" }], select: { id: true } });
    for (const j of queued) this.enqueue(j.id);
    return queued.length;
  }

  async submit(input: NewJobInput): Promise<JobDto> {
    const job = await createJob(this.db, input);
    this.enqueue(job.id);
    return job;
  }

  enqueue(jobId: string): void {
    if (this.running.has(jobId)) {
      this.again.add(jobId);
      return;
    }
    if (this.waiting.includes(jobId)) return;
    this.waiting.push(jobId);
    this.pump();
  }

  /** Stops a job: removed if waiting, or flagged so its worker stops at the next batch. */
  cancel(jobId: string): boolean {
    const i = this.waiting.indexOf(jobId);
    if (i >= 0) this.waiting.splice(i, 1);
    this.again.delete(jobId);
    const flag = this.running.get(jobId);
    if (flag) Atomics.store(flag, 0, 1);
    return i >= 0 || flag !== undefined;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  get depth(): number {
    return this.waiting.length;
  }

  /** Resolves when nothing is waiting or running (tests, graceful shutdown). */
  async drain(): Promise<void> {
    while (this.waiting.length > 0 || this.running.size > 0) await new Promise((r) => setTimeout(r, 50));
  }

  private pump(): void {
    while (this.running.size < this.concurrency && this.waiting.length > 0) {
      const jobId = this.waiting.shift()!;
      const flag = new Int32Array(new SharedArrayBuffer(4));
      this.running.set(jobId, flag);
      executeJob(this.db, this.databaseUrl, jobId, this.run, this.events, flag)
        .catch((err: unknown) => log.error({ err, jobId }, "job execution failed"))
        .finally(() => {
          this.running.delete(jobId);
          if (this.again.delete(jobId)) this.waiting.push(jobId);
          this.pump();
        });
    }
  }
}
