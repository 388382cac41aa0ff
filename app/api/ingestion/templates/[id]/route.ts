import { audit } from "@/lib/auth/audit";
import { AppError } from "@/lib/app-error";
import { toTemplate } from "@/lib/jobs/load-task-inputs";
import { templateUpdateSchema } from "@/lib/schemas/admin";
import { route } from "@/lib/server/route";

export const dynamic = "force-dynamic";

/** Edits a template; every edit is a new version. */
export const PATCH = route<{ id: string }>(async ({ req, params, runtime, user }) => {
  const input = templateUpdateSchema.parse(await req.json());
  const existing = await runtime.db.layoutTemplate.findUnique({ where: { id: params.id } });
  if (!existing) throw new AppError("not_found", "There is no such template.");
  const updated = await runtime.db.layoutTemplate.update({
    where: { id: params.id },
    data: {
      version: existing.version + 1,
      ...(input.name ? { name: input.name } : {}),
      ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
      ...(input.headerLine !== undefined ? { headerLine: input.headerLine } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      ...(input.columns ? { columns: JSON.stringify(input.columns) } : {}),
    },
  });
  await audit(runtime.db, user, "template.update", { type: "template", id: params.id }, input);
  return { template: toTemplate(updated) };
}, "reviewer");

export const DELETE = route<{ id: string }>(async ({ params, runtime, user }) => {
  const { count } = await runtime.db.layoutTemplate.deleteMany({ where: { id: params.id } });
  if (count === 0) throw new AppError("not_found", "There is no such template.");
  await audit(runtime.db, user, "template.delete", { type: "template", id: params.id });
  return null;
}, "reviewer");
