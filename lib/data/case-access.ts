import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { hasRole, type SessionUser } from "../auth/roles";
import type { CaseRole } from "../schemas/case";

/**
 * Who may touch which case. Admins see every case; everyone else only the cases they are members
 * of. Every refusal is the same `not_found` a case that does not exist gets, with the same
 * sentence, after the same one query: nothing tells a non-member that the case exists.
 */
export const NO_SUCH_CASE = "There is no such case.";

export interface CaseAccess {
  caseId: number;
  /** The user's role in the case; null for an admin who is not a member. */
  role: CaseRole | null;
  /** May rename the case and manage its members: its creator or an admin. */
  canManage: boolean;
  /** May confirm mappings of the case's jobs: admins, the case's reviewers, and global reviewers who are members. */
  canReview: boolean;
}

/**
 * The cases an API token is narrowed to (issue 19), or null when it is not narrowed (a session, or
 * a token for every case). Every function below applies it, admins included: a narrowed token
 * never reaches a case outside its list, whatever its owner may see.
 */
export function tokenCaseIds(user: SessionUser): number[] | null {
  return user.token?.caseIds ?? null;
}

/** Prisma `where` for the cases the user may see. */
export function caseVisibilityWhere(user: SessionUser) {
  const base = hasRole(user, "admin") ? {} : { members: { some: { userId: user.id } } };
  const narrowed = tokenCaseIds(user);
  return narrowed ? { ...base, id: { in: narrowed } } : base;
}

/** Prisma `where` for the jobs of those cases. */
export function jobVisibilityWhere(user: SessionUser) {
  const base = hasRole(user, "admin") ? {} : { case: { members: { some: { userId: user.id } } } };
  const narrowed = tokenCaseIds(user);
  return narrowed ? { ...base, caseId: { in: narrowed } } : base;
}

/** The ids of the cases the user may see, or null for "all" (admins, unless a token narrows them). */
export async function visibleCaseIds(db: Db, user: SessionUser): Promise<number[] | null> {
  const narrowed = tokenCaseIds(user);
  if (hasRole(user, "admin")) {
    if (!narrowed) return null;
    // Only the listed cases that still exist.
    return (await db.case.findMany({ where: { id: { in: narrowed } }, select: { id: true } })).map((c) => c.id);
  }
  const rows = await db.caseMember.findMany({ where: { userId: user.id, ...(narrowed ? { caseId: { in: narrowed } } : {}) }, select: { caseId: true } });
  return rows.map((r) => r.caseId);
}

/** Prisma `where` on a table with a case_id column. */
export type CaseScope = { caseId?: number | { in: number[] } };

/** The given case (checked) or every case the user may see. */
export async function caseScopeWhere(db: Db, user: SessionUser, caseId: number | undefined): Promise<CaseScope> {
  if (caseId !== undefined) {
    await requireCaseAccess(db, user, caseId);
    return { caseId };
  }
  const ids = await visibleCaseIds(db, user);
  return ids === null ? {} : { caseId: { in: ids } };
}

/** The user's access to a case, or not_found. */
export async function requireCaseAccess(db: Db, user: SessionUser, caseId: number): Promise<CaseAccess> {
  const access = await caseAccessOf(db, user, caseId);
  if (!access) throw new AppError("not_found", NO_SUCH_CASE);
  return access;
}

export async function caseAccessOf(db: Db, user: SessionUser, caseId: number): Promise<CaseAccess | null> {
  if (!Number.isSafeInteger(caseId) || caseId <= 0) return null;
  const narrowed = tokenCaseIds(user);
  if (narrowed && !narrowed.includes(caseId)) return null;
  const row = await db.case.findUnique({ where: { id: caseId }, select: { createdBy: true, members: { where: { userId: user.id }, select: { role: true } } } });
  if (!row) return null;
  const admin = hasRole(user, "admin");
  const member = row.members[0];
  if (!member && !admin) return null;
  const role = (member?.role ?? null) as CaseRole | null;
  return {
    caseId,
    role,
    canManage: admin || row.createdBy === user.id,
    canReview: admin || role === "reviewer" || (role !== null && hasRole(user, "reviewer")),
  };
}

/** The case a job belongs to, when the user may see it; otherwise the job's not_found. */
export async function requireJobAccess(db: Db, user: SessionUser, jobId: string): Promise<CaseAccess> {
  const job = typeof jobId === "string" ? await db.ingestionJob.findUnique({ where: { id: jobId }, select: { caseId: true } }) : null;
  const access = job ? await caseAccessOf(db, user, job.caseId) : null;
  if (!access) throw new AppError("not_found", "There is no such job.");
  return access;
}

export async function canSeeJobById(db: Db, user: SessionUser | null, jobId: string): Promise<boolean> {
  if (!user) return false;
  return requireJobAccess(db, user, jobId).then(() => true, () => false);
}
