import { auditQuerySchema } from "@/lib/schemas/admin";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ req, runtime }) => {
  const q = auditQuerySchema.parse(queryOf(req));
  const where = { ...(q.action ? { action: q.action } : {}), ...(q.userId ? { userId: q.userId } : {}) };
  const [events, total] = await Promise.all([
    runtime.db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    runtime.db.auditEvent.count({ where }),
  ]);
  return { events: events.map((e) => ({ ...e, at: e.at.toISOString() })), total };
}, "admin");
