import type { Db } from "../db/prisma";
import type { SessionUser } from "../auth/roles";
import { AppError } from "../app-error";
import { toTemplate } from "../jobs/load-task-inputs";
import { jobVisibilityWhere } from "./case-access";
import type { TemplateDto } from "../schemas/responses";

/** Every layout template, with how many jobs of the user's cases used it (other cases' use is not counted). */
export async function listTemplates(db: Db, user: SessionUser): Promise<TemplateDto[]> {
  const [rows, uses] = await Promise.all([
    db.layoutTemplate.findMany({ orderBy: { updatedAt: "desc" } }),
    db.ingestionJob.groupBy({ by: ["templateId"], where: { AND: [jobVisibilityWhere(user), { templateId: { not: null } }] }, _count: { _all: true } }),
  ]);
  const usesOf = new Map(uses.map((u) => [u.templateId, u._count._all]));
  return rows.map((t) => ({ ...toTemplate(t), uses: usesOf.get(t.id) ?? 0, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() }));
}

/** Edits a template; every edit is a new version. */
export async function updateTemplate(db: Db, id: string, input: { name?: string | undefined; timezone?: string | null | undefined; headerLine?: number | null | undefined; carrier?: string | undefined; columns?: unknown[] | undefined }) {
  const existing = await db.layoutTemplate.findUnique({ where: { id } });
  if (!existing) throw new AppError("not_found", "There is no such template.");
  const updated = await db.layoutTemplate.update({
    where: { id },
    data: {
      version: existing.version + 1,
      ...(input.name ? { name: input.name } : {}),
      ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
      ...(input.headerLine !== undefined ? { headerLine: input.headerLine } : {}),
      ...(input.carrier ? { carrier: input.carrier } : {}),
      ...(input.columns ? { columns: JSON.stringify(input.columns) } : {}),
    },
  });
  return toTemplate(updated);
}

export async function deleteTemplate(db: Db, id: string): Promise<void> {
  const { count } = await db.layoutTemplate.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", "There is no such template.");
}
