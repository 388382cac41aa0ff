/**
 * What the web layer needs from a job queue. The embedded JobQueue (state in the jobs table,
 * worker threads in this process) implements it; a PostgreSQL-backed queue can too.
 */
import type { JobDto } from "../schemas/job";
import type { NewJobInput } from "./job-commands";

export interface QueuePort {
  /** Creates the job row and hands it to the workers — in one transaction where the queue lives in the database. */
  submit(input: NewJobInput): Promise<JobDto>;
  /** Hand a job (already `queued` in the jobs table) to the workers. */
  enqueue(jobId: string): void | Promise<void>;
  /** Stop a waiting or running job; true when the queue knew it. */
  cancel(jobId: string): boolean | Promise<boolean>;
  /** Re-queue jobs left queued or interrupted by a restart; returns how many. */
  recover(): Promise<number>;
  /** Jobs waiting for a worker. */
  readonly depth: number;
  close?(): Promise<void>;
}
