import { isMainThread } from "node:worker_threads";
import type Database from "better-sqlite3";

/**
 * One write transaction spanning several small batches, ended by `commit()` (loadRows commits
 * when ~10,000 rows are in, or when the next batch is not ready yet, so the write lock is never
 * held while waiting on a slow producer). Batches stay small so they die young (cheap GC in both
 * threads) while commits stay large (per-commit WAL work dominates small transactions).
 *
 * Only in a worker thread: there the loader's connection is the thread's only one. On the main
 * thread (the CLI) another connection (Prisma's progress writes) could run between two batches
 * and wait forever on this thread's own lock, so there every batch commits at once.
 *
 * IMMEDIATE: a deferred BEGIN that reads (the duplicate probe) and then writes fails at once with
 * SQLITE_BUSY when another connection committed in between; IMMEDIATE waits (busy_timeout).
 */
export class GroupCommit {
  private readonly begin: Database.Statement;
  private readonly commitStmt: Database.Statement;
  private readonly rollbackStmt: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    private readonly holdAcrossCalls = !isMainThread,
    /** Runs inside the transaction just before COMMIT; throwing rolls the transaction back. */
    private readonly beforeCommit: () => void = () => {},
  ) {
    this.begin = db.prepare("BEGIN IMMEDIATE");
    this.commitStmt = db.prepare("COMMIT");
    this.rollbackStmt = db.prepare("ROLLBACK");
  }

  /** Runs `write` inside the open transaction, opening one if needed. */
  run<T>(write: () => T): T {
    if (!this.db.inTransaction) this.begin.run();
    let result: T;
    try {
      result = write();
    } catch (err) {
      this.rollback();
      throw err;
    }
    if (!this.holdAcrossCalls) this.commit();
    return result;
  }

  commit(): void {
    if (!this.db.inTransaction) return;
    try {
      this.beforeCommit();
    } catch (err) {
      this.rollback();
      throw err;
    }
    this.commitStmt.run();
  }

  rollback(): void {
    if (this.db.inTransaction) this.rollbackStmt.run();
  }
}
