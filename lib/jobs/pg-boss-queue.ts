import type pg from "pg";
import { fromPrisma, type PgBoss } from "pg-boss";
import type { Db } from "../db/prisma";
import { log } from "../log";
import type { JobDto } from "../schemas/job";
import type { TaskRunner } from "./execute-job";
import { createJob, type NewJobInput } from "./job-commands";
import type { JobEvents } from "./job-events";
import { consumeIngestJob, failDeadLetteredJob } from "./pg-job-consumer";
import { DEAD_LETTER_QUEUE, INGEST_QUEUE, RETRY_LIMIT } from "./pg-boss-setup";
import type { QueuePort } from "./queue-port";

type IngestPayload = { jobId: string };
/** The cached queue depth (a sync getter in QueuePort) is refreshed this often. */
const DEPTH_REFRESH_MS = 2000;

export interface PgBossQueueDeps {
  db: Db;
  databaseUrl: string;
  boss: PgBoss;
  bossSchema: string;
  events: JobEvents;
  /** Session pool for the running-job advisory locks; only needed when this node runs jobs. */
  lockPool: pg.Pool | null;
  /** null on a web node with WORKER_THREADS=0: it enqueues, standalone workers run. */
  run: TaskRunner | null;
  concurrency: number;
}

/**
 * The scale-out queue (QueuePort) on pg-boss: any number of processes enqueue and consume the
 * same PostgreSQL queue. Retries with backoff, heartbeats (a killed worker's job is redelivered),
 * and a dead-letter queue whose jobs are marked failed with a reason.
 */
export class PgBossQueue implements QueuePort {
  private readonly running = new Map<string, Int32Array>();
  private depthCache = 0;
  private depthTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: PgBossQueueDeps) {}

  /** Starts consuming (when this node runs jobs) and the dead-letter handler. */
  async start(): Promise<void> {
    const { boss, run, lockPool, concurrency } = this.deps;
    if (run && lockPool && concurrency > 0) {
      await boss.work<IngestPayload>(INGEST_QUEUE, { batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 1 }, async ([job]) => {
        if (!job) return;
        await consumeIngestJob({ ...this.deps, lockPool, run }, job.data.jobId, this.running);
      });
    }
    await boss.work<IngestPayload>(DEAD_LETTER_QUEUE, { pollingIntervalSeconds: 2 }, async ([job]) => {
      if (job) await failDeadLetteredJob(this.deps.db, this.deps.events, job.data.jobId, RETRY_LIMIT + 1, this.deps.databaseUrl);
    });
    await this.refreshDepth();
    this.depthTimer = setInterval(() => void this.refreshDepth(), DEPTH_REFRESH_MS);
    this.depthTimer.unref();
  }

  /** Idempotent: the exclusive policy keeps one waiting-or-running queue job per ingestion job. */
  async enqueue(jobId: string): Promise<void> {
    await this.deps.boss.send(INGEST_QUEUE, { jobId } satisfies IngestPayload, { singletonKey: jobId });
  }

  /**
   * Creates the job row and its queue job in one transaction: a rollback leaves neither, a commit
   * both (STACK-NOTES: fromPrisma). What the upload route should call on PostgreSQL.
   */
  submit(input: NewJobInput): Promise<JobDto> {
    return this.createAndEnqueue(input);
  }

  async createAndEnqueue(input: NewJobInput): Promise<JobDto> {
    return this.deps.db.$transaction(async (tx) => {
      const job = await createJob(tx as unknown as Db, input);
      await this.deps.boss.send(INGEST_QUEUE, { jobId: job.id } satisfies IngestPayload, { singletonKey: job.id, db: fromPrisma(tx) });
      return job;
    });
  }

  /** The job row already says `cancelled`; a running attempt (on any node) sees it within seconds. */
  cancel(jobId: string): boolean {
    const flag = this.running.get(jobId);
    if (flag) Atomics.store(flag, 0, 1);
    return true;
  }

  /** Re-sends queued job rows (a web node that died between commit and send); duplicates are refused by the queue. */
  async recover(): Promise<number> {
    const queued = await this.deps.db.ingestionJob.findMany({ where: { status: "queued" }, orderBy: [{ queuedAt: "asc" }], select: { id: true } });
    for (const j of queued) await this.enqueue(j.id);
    return queued.length;
  }

  /** For /api/health: pg-boss answers, with how many jobs wait and run cluster-wide. */
  async health(): Promise<string> {
    const res = await this.deps.boss
      .getDb()
      .executeSql(
        `SELECT COUNT(*) FILTER (WHERE state IN ('created', 'retry'))::int AS waiting, COUNT(*) FILTER (WHERE state = 'active')::int AS active FROM "${this.deps.bossSchema}".job WHERE name = $1`,
        [INGEST_QUEUE],
      );
    const r = res.rows[0] as { waiting: number; active: number } | undefined;
    return `pg-boss: ${r?.waiting ?? 0} waiting, ${r?.active ?? 0} running`;
  }

  get depth(): number {
    return this.depthCache;
  }

  get activeCount(): number {
    return this.running.size;
  }

  async close(): Promise<void> {
    if (this.depthTimer) clearInterval(this.depthTimer);
    await this.deps.boss.stop({ graceful: true, timeout: 5000 }).catch((err: unknown) => log.warn({ err }, "pg-boss stop failed"));
  }

  private async refreshDepth(): Promise<void> {
    try {
      // Counted directly: getQueue()'s counts come from a stats cache refreshed once a minute.
      const res = await this.deps.boss
        .getDb()
        .executeSql(`SELECT COUNT(*)::int AS n FROM "${this.deps.bossSchema}".job WHERE name = $1 AND state IN ('created', 'retry')`, [INGEST_QUEUE]);
      this.depthCache = (res.rows[0] as { n: number } | undefined)?.n ?? 0;
    } catch (err) {
      log.warn({ err }, "queue depth refresh failed");
    }
  }
}
