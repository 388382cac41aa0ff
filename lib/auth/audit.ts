import type { Db } from "../db/prisma";
import { log } from "../log";
import type { SessionUser } from "./roles";

/** Records who did what to which subject; never fails the action it describes. */
export async function audit(db: Db, user: SessionUser | null, action: string, subject?: { type: string; id: string }, detail?: unknown): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        userId: user?.id ?? null,
        userEmail: user?.email ?? null,
        action,
        subjectType: subject?.type ?? null,
        subjectId: subject?.id ?? null,
        detail: detail === undefined ? null : JSON.stringify(detail).slice(0, 4000),
      },
    });
  } catch (err) {
    log.error({ err, action }, "audit write failed");
  }
}
