import { PgBoss } from "pg-boss";
import { pgTarget } from "../db/pg-connection";

export const INGEST_QUEUE = "switchyard-ingest";
export const DEAD_LETTER_QUEUE = "switchyard-ingest-dead";
/** A dead worker stops heartbeating; after this long its job is retried elsewhere (pg-boss minimum: 10 s). */
export const HEARTBEAT_SECONDS = 10;
/** Attempts after the first before a job goes to the dead-letter queue. */
export const RETRY_LIMIT = 3;

export interface BossOptions {
  /** Upper bound on one attempt (JOB_TIMEOUT_SECONDS). */
  expireInSeconds: number;
  /** How often this node looks for lapsed heartbeats and expired jobs. */
  superviseSeconds?: number;
}

/** pg-boss keeps its tables beside the app's: `pgboss` for `public`, `<schema>_boss` otherwise (isolated test runs). */
export function bossSchemaFor(databaseUrl: string): string {
  const { schema } = pgTarget(databaseUrl);
  return schema === "public" ? "pgboss" : `${schema}_boss`;
}

/**
 * Starts pg-boss on the app's database and makes sure both queues exist. The ingest queue is
 * `exclusive`: at most one queued-or-running queue job per ingestion job id (the singleton key),
 * so a re-sent job (restart, recover) never runs twice at once.
 */
export async function startBoss(databaseUrl: string, opts: BossOptions): Promise<PgBoss> {
  const { pool } = pgTarget(databaseUrl);
  const boss = new PgBoss({
    host: pool.host,
    port: pool.port,
    user: pool.user,
    password: pool.password as string | undefined,
    database: pool.database,
    ssl: pool.ssl,
    schema: bossSchemaFor(databaseUrl),
    max: 4,
    useListenNotify: true,
    superviseIntervalSeconds: opts.superviseSeconds ?? 5,
    monitorIntervalSeconds: opts.superviseSeconds ?? 5,
  });
  await boss.start();
  const existing = new Set((await boss.getQueues([DEAD_LETTER_QUEUE, INGEST_QUEUE])).map((q) => q.name));
  if (!existing.has(DEAD_LETTER_QUEUE)) await createQueueOnce(boss, DEAD_LETTER_QUEUE, { retryLimit: 0 });
  if (!existing.has(INGEST_QUEUE)) {
    await createQueueOnce(boss, INGEST_QUEUE, {
      policy: "exclusive",
      retryLimit: RETRY_LIMIT,
      retryDelay: 5,
      retryBackoff: true,
      retryDelayMax: 300,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      expireInSeconds: opts.expireInSeconds,
      deadLetter: DEAD_LETTER_QUEUE,
      notify: true,
    });
  }
  return boss;
}

/** Two nodes starting at once may both try to create a queue: the loser's error is not a failure. */
async function createQueueOnce(boss: PgBoss, name: string, options: Parameters<PgBoss["createQueue"]>[1]): Promise<void> {
  try {
    await boss.createQueue(name, options);
  } catch (err) {
    if (!(await boss.getQueue(name))) throw err;
  }
}
