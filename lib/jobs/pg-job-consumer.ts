import type pg from "pg";
import type { Db } from "../db/prisma";
import { log } from "../log";
import { executeJob, type TaskRunner } from "./execute-job";
import type { JobEvents } from "./job-events";
import { toJobDto } from "./job-dto";
import { databaseUrlOf, purgeCancelled } from "./purge-job";

/** Advisory-lock namespace for "this job is running somewhere" (the second key is hashtext(jobId)). */
const RUNNING_LOCK = 7101;
/** How often a running job checks whether someone cancelled it (possibly on another node). */
const CANCEL_POLL_MS = 2000;
/** Job rows a queue job may (re)start: queued, or processing when its last worker died mid-file. */
const RUNNABLE = new Set(["queued", "processing"]);

export interface ConsumerDeps {
  db: Db;
  databaseUrl: string;
  /** Holds one session per running job for its advisory lock. */
  lockPool: pg.Pool;
  run: TaskRunner;
  events: JobEvents;
}

/**
 * Runs one delivered ingest job. A session-level advisory lock makes "running" a fact the
 * database enforces across processes: a SIGKILLed worker's connection closes, its lock goes with
 * it, and the redelivered job (pg-boss heartbeat expiry) can start again; a duplicate delivery
 * while the first attempt still runs is skipped. The rerun is idempotent because the sink's
 * begin() clears the partial load first. Cancelling on any node is seen through the job row; a
 * delivery of a job cancelled meanwhile purges what an earlier, killed attempt had stored.
 */
export async function consumeIngestJob(deps: ConsumerDeps, jobId: string, running: Map<string, Int32Array>): Promise<void> {
  const client = await deps.lockPool.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>(`SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok`, [RUNNING_LOCK, jobId]);
    if (!rows[0]?.ok) {
      log.warn({ jobId }, "job is already running on another worker: duplicate delivery skipped");
      return;
    }
    try {
      const job = await deps.db.ingestionJob.findUnique({ where: { id: jobId }, select: { status: true } });
      if (!job) return;
      // Cancelled while no worker ran it — e.g. after its worker was killed mid-file, before the
      // redelivery: the killed attempt's partial load goes now (cancel is atomic), under the lock.
      if (job.status === "cancelled") return await purgeCancelled(deps.db, deps.databaseUrl, jobId);
      if (!RUNNABLE.has(job.status)) return;
      const flag = new Int32Array(new SharedArrayBuffer(4));
      running.set(jobId, flag);
      const poll = setInterval(() => {
        deps.db.ingestionJob
          .findUnique({ where: { id: jobId }, select: { status: true } })
          .then((j) => {
            if (!j || j.status === "cancelled") Atomics.store(flag, 0, 1);
          })
          .catch(() => {});
      }, CANCEL_POLL_MS);
      try {
        await executeJob(deps.db, deps.databaseUrl, jobId, deps.run, deps.events, flag);
      } finally {
        clearInterval(poll);
        running.delete(jobId);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock($1, hashtext($2))`, [RUNNING_LOCK, jobId]);
    }
  } finally {
    client.release();
  }
}

/**
 * A job pg-boss gave up on (every retry crashed or timed out) becomes `failed` with a reason the
 * dashboard shows, instead of staying `processing` forever; one cancelled meanwhile is purged.
 */
export async function failDeadLetteredJob(db: Db, events: JobEvents, jobId: string, attempts: number, databaseUrl: string = databaseUrlOf(db)): Promise<void> {
  // Cancelled while its attempts kept crashing: what the last one stored must not stay.
  const now = await db.ingestionJob.findUnique({ where: { id: jobId }, select: { status: true } });
  if (now?.status === "cancelled") return await purgeCancelled(db, databaseUrl, jobId);
  const res = await db.ingestionJob.updateMany({
    where: { id: jobId, status: { in: [...RUNNABLE] } },
    data: {
      status: "failed",
      stage: "done",
      errorCode: "dead_letter",
      errorMessage: `The job was abandoned after ${attempts} attempts: each time, the worker processing it stopped (crash, out of memory or timeout) before it finished.`,
      finishedAt: new Date(),
    },
  });
  if (res.count === 0) return;
  const job = await db.ingestionJob.findUnique({ where: { id: jobId }, include: { classification: true } });
  if (job) events.updated(toJobDto(job));
}
