import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { hasRole, type SessionUser } from "../auth/roles";
import type { CaseDto, CaseMemberDto, CaseRole } from "../schemas/case";
import { DEFAULT_CASE_NAME } from "../schemas/case";
import { caseAccessOf, caseVisibilityWhere, NO_SUCH_CASE, requireCaseAccess } from "./case-access";

/** Cases: create, list with counts, rename, delete, members, and which case an upload goes to. */

/** The case's data-quality score: the mean of its files' scores (0–100), one decimal. */
const roundQuality = (q: number | null) => (q === null ? null : Math.round(q * 10) / 10);

type CaseRow = { id: number; name: string; description: string | null; region: string | null; displayTimezone: string | null; createdBy: string | null; createdAt: Date; updatedAt: Date };

function toCaseDto(c: CaseRow, user: SessionUser, myRole: CaseRole | null, counts: CaseDto["counts"]): CaseDto {
  return {
    id: c.id, name: c.name, description: c.description, region: c.region, displayTimezone: c.displayTimezone, createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
    myRole, canManage: hasRole(user, "admin") || c.createdBy === user.id,
    canReview: hasRole(user, "admin") || myRole === "reviewer" || (myRole !== null && hasRole(user, "reviewer")),
    counts,
  };
}

/** The cases the user may see, most recently updated first, with job, record and member counts. */
export async function listCases(db: Db, user: SessionUser): Promise<{ cases: CaseDto[]; lastCaseId: number | null }> {
  const rows = await db.case.findMany({
    where: caseVisibilityWhere(user),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    include: { members: { where: { userId: user.id }, select: { role: true } }, _count: { select: { members: true, jobs: true } } },
  });
  const ids = rows.map((r) => r.id);
  // Records per case from the jobs' own counts (what each job inserted): no scan of call_records.
  const sums = ids.length === 0 ? [] : await db.ingestionJob.groupBy({ by: ["caseId"], where: { caseId: { in: ids } }, _sum: { inserted: true }, _avg: { qualityScore: true } });
  const records = new Map(sums.map((s) => [s.caseId, s._sum.inserted ?? 0]));
  const quality = new Map(sums.map((s) => [s.caseId, roundQuality(s._avg.qualityScore)]));
  const me = await db.user.findUnique({ where: { id: user.id }, select: { lastCaseId: true } });
  const cases = rows.map((r) => toCaseDto(r, user, (r.members[0]?.role ?? null) as CaseRole | null, { jobs: r._count.jobs, records: records.get(r.id) ?? 0, members: r._count.members, quality: quality.get(r.id) ?? null }));
  const last = me?.lastCaseId ?? null;
  return { cases, lastCaseId: last !== null && ids.includes(last) ? last : (cases[0]?.id ?? null) };
}

export async function getCase(db: Db, user: SessionUser, caseId: number): Promise<CaseDto> {
  const access = await requireCaseAccess(db, user, caseId);
  const c = await db.case.findUnique({ where: { id: caseId }, include: { _count: { select: { members: true, jobs: true } } } });
  if (!c) throw new AppError("not_found", NO_SUCH_CASE);
  const sum = await db.ingestionJob.aggregate({ where: { caseId }, _sum: { inserted: true }, _avg: { qualityScore: true } });
  return toCaseDto(c, user, access.role, { jobs: c._count.jobs, records: sum._sum.inserted ?? 0, members: c._count.members, quality: roundQuality(sum._avg.qualityScore) });
}

/** A new case; its creator (when a user) is its first member, as a reviewer so they can confirm their own files. */
export async function createCase(db: Db, user: SessionUser | null, input: { name: string; description?: string; region?: string | null; displayTimezone?: string | null }): Promise<CaseDto> {
  // A token narrowed to some cases could not see the case it made (issue 19).
  if (user?.token?.caseIds) throw new AppError("forbidden", "This API token is limited to some cases; it cannot create cases.");
  const c = await db.case.create({
    data: {
      name: input.name, description: input.description || null, region: input.region ?? null, displayTimezone: input.displayTimezone ?? null, createdBy: user?.id ?? null,
      ...(user ? { members: { create: { userId: user.id, role: hasRole(user, "reviewer") ? "reviewer" : "analyst" } } } : {}),
    },
  });
  if (!user) return toCaseDto(c, { id: "", email: "", name: "", role: "admin" }, null, { jobs: 0, records: 0, members: 0, quality: null });
  await rememberCase(db, user.id, c.id);
  return toCaseDto(c, user, hasRole(user, "reviewer") ? "reviewer" : "analyst", { jobs: 0, records: 0, members: 1, quality: null });
}

export async function updateCase(db: Db, user: SessionUser, caseId: number, input: { name?: string; description?: string; region?: string | null; displayTimezone?: string | null }): Promise<CaseDto> {
  await requireManage(db, user, caseId);
  await db.case.update({
    where: { id: caseId },
    data: {
      ...(input.name ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description || null } : {}),
      ...(input.region !== undefined ? { region: input.region } : {}),
      ...(input.displayTimezone !== undefined ? { displayTimezone: input.displayTimezone } : {}),
    },
  });
  return getCase(db, user, caseId);
}

/**
 * Deletes the case and everything in it: jobs (their records, errors, classifications), contacts,
 * coverage and gaps (deleted here, and what a writer adds meanwhile by the case's cascades:
 * foreign keys and triggers on PostgreSQL, a trigger on SQLite). The stored uploads of
 * its jobs are returned so the caller can remove the files.
 */
export async function deleteCase(db: Db, user: SessionUser, caseId: number): Promise<{ storedPaths: string[] }> {
  await requireManage(db, user, caseId);
  const running = await db.ingestionJob.count({ where: { caseId, status: "processing" } });
  if (running > 0) throw new AppError("conflict", "A file of this case is still loading: cancel it before deleting the case.");
  const jobs = await db.ingestionJob.findMany({ where: { caseId }, select: { storedPath: true } });
  await db.contact.deleteMany({ where: { caseId } });
  await db.contactCoverage.deleteMany({ where: { caseId } });
  await db.timelineGap.deleteMany({ where: { caseId } });
  await db.cellSite.deleteMany({ where: { caseId } });
  await db.ingestionJob.deleteMany({ where: { caseId } });
  await db.case.delete({ where: { id: caseId } });
  await db.user.updateMany({ where: { lastCaseId: caseId }, data: { lastCaseId: null } });
  return { storedPaths: jobs.map((j) => j.storedPath) };
}

export async function listMembers(db: Db, user: SessionUser, caseId: number): Promise<CaseMemberDto[]> {
  await requireCaseAccess(db, user, caseId);
  const rows = await db.caseMember.findMany({ where: { caseId }, orderBy: { addedAt: "asc" }, include: { user: { select: { email: true, name: true } } } });
  return rows.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role as CaseRole, addedAt: m.addedAt.toISOString() }));
}

/** Adds (or changes the role of) a member by e-mail; only the case's creator or an admin. */
export async function addMember(db: Db, user: SessionUser, caseId: number, input: { email: string; role: CaseRole }): Promise<CaseMemberDto> {
  await requireManage(db, user, caseId);
  const member = await db.user.findUnique({ where: { email: input.email.toLowerCase() } });
  if (!member) throw new AppError("bad_request", `No user has the e-mail address ${input.email}; an admin can add them on the Users page.`);
  const row = await db.caseMember.upsert({
    where: { caseId_userId: { caseId, userId: member.id } },
    create: { caseId, userId: member.id, role: input.role },
    update: { role: input.role },
  });
  await db.case.update({ where: { id: caseId }, data: { updatedAt: new Date() } });
  return { userId: member.id, email: member.email, name: member.name, role: row.role as CaseRole, addedAt: row.addedAt.toISOString() };
}

export async function removeMember(db: Db, user: SessionUser, caseId: number, userId: string): Promise<void> {
  await requireManage(db, user, caseId);
  await db.caseMember.deleteMany({ where: { caseId, userId } });
}

/** The case the user last worked in, remembered for the switcher and for uploads without a case. */
export async function rememberCase(db: Db, userId: string, caseId: number): Promise<void> {
  // (`NOT: {lastCaseId}` would skip a NULL, the state of a user's first case.)
  await db.user.updateMany({ where: { id: userId, OR: [{ lastCaseId: null }, { NOT: { lastCaseId: caseId } }] }, data: { lastCaseId: caseId } });
}

/**
 * The case an upload goes to: the one named (checked), else the user's most recently used case
 * that they can still see, else their newest case, else a new one created for them.
 */
export async function resolveUploadCase(db: Db, user: SessionUser, caseId?: number): Promise<number> {
  if (caseId !== undefined) {
    await requireCaseAccess(db, user, caseId);
    await rememberCase(db, user.id, caseId);
    return caseId;
  }
  const me = await db.user.findUnique({ where: { id: user.id }, select: { lastCaseId: true, name: true } });
  if (me?.lastCaseId && (await caseAccessOf(db, user, me.lastCaseId))) return me.lastCaseId;
  const narrowed = user.token?.caseIds ?? null;
  if (narrowed) {
    // A token narrowed to some cases uploads into the first of them its owner may still see.
    for (const id of narrowed) if (await caseAccessOf(db, user, id)) return id;
    throw new AppError("not_found", NO_SUCH_CASE);
  }
  const newest = await db.caseMember.findFirst({ where: { userId: user.id }, orderBy: { addedAt: "desc" }, select: { caseId: true } });
  if (newest) {
    await rememberCase(db, user.id, newest.caseId);
    return newest.caseId;
  }
  return (await createCase(db, user, { name: `${me?.name ?? user.name}'s case` })).id;
}

/** The CLI's case: the oldest case with this name, created (with no members: admins see it) on first use. */
export async function caseIdForName(db: Db, name: string = DEFAULT_CASE_NAME): Promise<number> {
  const existing = await db.case.findFirst({ where: { name }, orderBy: { id: "asc" }, select: { id: true } });
  if (existing) return existing.id;
  return (await createCase(db, null, { name })).id;
}

async function requireManage(db: Db, user: SessionUser, caseId: number): Promise<void> {
  const access = await requireCaseAccess(db, user, caseId);
  if (!access.canManage) throw new AppError("forbidden", "Only the case's creator or an admin can change the case and its members.");
}

/** The ids of the case's members (whose open pages are told when the case changes). */
export async function memberIds(db: Db, caseId: number): Promise<string[]> {
  return (await db.caseMember.findMany({ where: { caseId }, select: { userId: true } })).map((m) => m.userId);
}
