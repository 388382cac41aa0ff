import { listAuditEvents } from "@/lib/data/audit-log";
import { auditQuerySchema } from "@/lib/schemas/admin";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route({ role: "admin", query: auditQuerySchema }, async ({ runtime, query }) => listAuditEvents(runtime.db, query));
