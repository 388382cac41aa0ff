import { z } from "zod";
import { queryOf, route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  target: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const GET = route(async ({ req, runtime }) => {
  const q = querySchema.parse(queryOf(req));
  const where = q.target ? { target: q.target } : {};
  const [contacts, total] = await Promise.all([
    runtime.db.contact.findMany({ where, orderBy: [{ calls: "desc" }, { messages: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    runtime.db.contact.count({ where }),
  ]);
  return { contacts, total };
});
