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
        detail: (() => {
          // What was done with an API token says which one (issue 19).
          const d = user?.token ? { ...(isPlainObject(detail) ? detail : detail === undefined ? {} : { value: detail }), viaToken: user.token.id } : detail;
          return d === undefined ? null : JSON.stringify(d).slice(0, 4000);
        })(),
      },
    });
  } catch (err) {
    log.error({ err, action }, "audit write failed");
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
