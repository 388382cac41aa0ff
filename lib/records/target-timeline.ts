import type { Db } from "../db/prisma";

export interface TargetTimeline {
  target: string;
  days: { day: string; calls: number; messages: number }[];
  gaps: { jobId: string; from: string; to: string; seconds: number; ratio: number }[];
}

/** Targets whose records this user may see (`jobWhere` is the caller's visibility rule). */
export async function listTargets(db: Db, jobWhere: object): Promise<string[]> {
  const rows = await db.callRecord.findMany({ where: { job: jobWhere, target: { not: null } }, distinct: ["target"], select: { target: true }, orderBy: { target: "asc" } });
  return rows.map((r) => r.target).filter((t): t is string => !!t);
}

/**
 * Events per UTC day for one target, and the silences gap detection reported. Reads start times
 * in id-ordered pages (two short columns) so a target with millions of records stays bounded.
 */
export async function targetTimeline(db: Db, target: string, jobWhere: object, pageSize = 10_000): Promise<TargetTimeline> {
  const where = { target, job: jobWhere, duplicateOf: null };
  const buckets = new Map<string, { calls: number; messages: number }>();
  let cursor = 0;
  for (;;) {
    const rows = await db.callRecord.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: "asc" }, take: pageSize, select: { id: true, startTime: true, recordType: true } });
    for (const r of rows) {
      const day = r.startTime.slice(0, 10);
      const b = buckets.get(day) ?? { calls: 0, messages: 0 };
      if (r.recordType === "sms" || r.recordType === "mms") b.messages += 1;
      else b.calls += 1;
      buckets.set(day, b);
    }
    if (rows.length < pageSize) break;
    cursor = rows[rows.length - 1]!.id;
  }
  const gaps = await db.timelineGap.findMany({ where: { target, job: jobWhere }, orderBy: { fromTime: "asc" } });
  return {
    target,
    days: [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, b]) => ({ day, ...b })),
    gaps: gaps.map((g) => ({ jobId: g.jobId, from: g.fromTime, to: g.toTime, seconds: g.seconds, ratio: g.ratio })),
  };
}
