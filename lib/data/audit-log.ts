import type { Db } from "../db/prisma";
import type { AuditEventDto } from "../schemas/responses";

export interface AuditQuery {
  action?: string | undefined;
  userId?: string | undefined;
  email?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The audit log, newest first, filtered by action, actor, e-mail (who acted, or the address a
 * failed sign-in tried: it is in the detail) and day range. Subject ids come back with what they
 * stand for, looked up in one query per kind for the page.
 */
export async function listAuditEvents(db: Db, q: AuditQuery): Promise<{ events: AuditEventDto[]; total: number }> {
  const email = q.email?.trim();
  const at = {
    ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
    ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
  const where = {
    ...(q.action ? { action: q.action } : {}),
    ...(q.userId ? { userId: q.userId } : {}),
    ...(q.from || q.to ? { at } : {}),
    ...(email ? { OR: [{ userEmail: { contains: email } }, { action: "auth.sign_in_failed", detail: { contains: email } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.auditEvent.count({ where }),
  ]);
  const labels = await subjectLabels(db, rows);
  return { events: rows.map((e) => ({ ...e, at: e.at.toISOString(), subjectLabel: labels.get(`${e.subjectType}:${e.subjectId}`) ?? null })), total };
}

async function subjectLabels(db: Db, rows: { subjectType: string | null; subjectId: string | null }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(rows.filter((r) => r.subjectType === type && r.subjectId).map((r) => r.subjectId!))];
  const caseIds = ids("case").map(Number).filter(Number.isSafeInteger);
  const [jobs, cases, users, templates, tokens] = await Promise.all([
    db.ingestionJob.findMany({ where: { id: { in: ids("job") } }, select: { id: true, fileName: true } }),
    db.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, email: true } }),
    db.layoutTemplate.findMany({ where: { id: { in: ids("template") } }, select: { id: true, name: true } }),
    db.apiToken.findMany({ where: { id: { in: ids("api_token") } }, select: { id: true, name: true } }),
  ]);
  const out = new Map<string, string>();
  for (const j of jobs) out.set(`job:${j.id}`, j.fileName);
  for (const c of cases) out.set(`case:${c.id}`, c.name);
  for (const u of users) out.set(`user:${u.id}`, u.email);
  for (const t of templates) out.set(`template:${t.id}`, t.name);
  for (const t of tokens) out.set(`api_token:${t.id}`, t.name);
  return out;
}
