import { toTemplate } from "@/lib/jobs/load-task-inputs";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export const GET = route(async ({ runtime }) => {
  const rows = await runtime.db.layoutTemplate.findMany({ orderBy: { updatedAt: "desc" } });
  return { templates: rows.map((t) => ({ ...toTemplate(t), createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() })) };
}, "reviewer");
