import type { Db } from "../db/prisma";
import type { CaseScope } from "./case-access";

import type { TimelineResponse } from "../schemas/responses";

/**
 * Events per UTC day for one target in the scope's case(s), and the silences found across every
 * file of the target in its case. Reads start times in id-ordered pages (two short columns) so a
 * target with millions of records stays bounded. Linked duplicate legs are not counted.
 */
export async function targetTimeline(db: Db, target: string, scope: CaseScope, pageSize = 10_000): Promise<TimelineResponse> {
  const where = { ...scope, target, duplicateOf: null };
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
  const gaps = await db.timelineGap.findMany({ where: { ...scope, target }, orderBy: { fromTime: "asc" } });
  return {
    target,
    days: [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, b]) => ({ day, ...b })),
    gaps: gaps.map((g) => ({ caseId: g.caseId, from: g.fromTime, to: g.toTime, seconds: g.seconds, ratio: g.ratio })),
  };
}
