import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { hasRole, type SessionUser } from "./roles";

/**
 * Who sees which job: admins everything; reviewers their own jobs plus every job waiting for
 * review or carrying a confirmed mapping; analysts only their own. Used by every route and by
 * Socket.IO room joins.
 */
export function jobVisibilityWhere(user: SessionUser) {
  if (hasRole(user, "admin")) return {};
  if (hasRole(user, "reviewer")) return { OR: [{ userId: user.id }, { status: "needs_review" }, { mapping: { not: null } }] };
  return { userId: user.id };
}

export async function canSeeJobById(db: Db, user: SessionUser | null, jobId: string): Promise<boolean> {
  if (!user || typeof jobId !== "string") return false;
  return (await db.ingestionJob.count({ where: { AND: [{ id: jobId }, jobVisibilityWhere(user)] } })) > 0;
}

/** Throws not_found (not forbidden: the job's existence is not disclosed) unless the user may see it. */
export async function requireJobAccess(db: Db, user: SessionUser, jobId: string): Promise<void> {
  if (!(await canSeeJobById(db, user, jobId))) throw new AppError("not_found", "There is no such job.");
}
