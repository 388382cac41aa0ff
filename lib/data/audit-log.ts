import type { Db } from "../db/prisma";
import type { AuditEventDto } from "../schemas/responses";

/** The audit log, newest first, filtered by action and user. */
export async function listAuditEvents(db: Db, q: { action?: string | undefined; userId?: string | undefined; page: number; pageSize: number }): Promise<{ events: AuditEventDto[]; total: number }> {
  const where = { ...(q.action ? { action: q.action } : {}), ...(q.userId ? { userId: q.userId } : {}) };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.auditEvent.count({ where }),
  ]);
  return { events: events.map((e) => ({ ...e, at: e.at.toISOString() })), total };
}
