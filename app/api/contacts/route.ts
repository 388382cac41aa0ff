import { z } from "zod";
import { jobVisibilityWhere } from "@/lib/auth/access";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  target: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

/** Contacts of the targets whose records this user may see. */
export const GET = route(async ({ req, runtime, user }) => {
  const q = querySchema.parse(queryOf(req));
  const visibleTargets = await runtime.db.callRecord.findMany({ where: { job: jobVisibilityWhere(user) }, distinct: ["target"], select: { target: true } });
  const targets = visibleTargets.map((t) => t.target ?? "").filter((t) => !q.target || t === q.target);
  const where = { target: { in: targets } };
  const [contacts, total] = await Promise.all([
    runtime.db.contact.findMany({ where, orderBy: [{ calls: "desc" }, { messages: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    runtime.db.contact.count({ where }),
  ]);
  return { contacts, total };
});
