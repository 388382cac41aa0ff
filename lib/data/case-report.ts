import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { NO_SUCH_CASE } from "./case-access";
import { targetDevices, targetPatterns } from "./patterns-of-life";
import { listTargets } from "./records";
import type { CaseReportResponse, ReportCounts, ReportGap, ReportTarget } from "../schemas/analytics";

/** How many of a target's contacts the report lists, the most calls first (as the contacts page orders them). */
export const REPORT_TOP_CONTACTS = 10;

interface CountRow {
  target: string;
  calls: number | bigint;
  messages: number | bigint;
  incoming: number | bigint;
  outgoing: number | bigint;
  first: string;
  last: string;
}

const n = (v: number | bigint | null) => Number(v ?? 0);
const NO_EVENTS: ReportCounts = { records: 0, calls: 0, messages: 0, incoming: 0, outgoing: 0, first: null, last: null };

/**
 * The case report (issue 21): for every target of the case, its counts, top contacts, heat map,
 * timeline gaps and devices — the figures the contacts page shows one target at a time, gathered
 * for one printable page per target. Counts are one GROUP BY over the case's records (the same SQL
 * on SQLite and PostgreSQL, over the (case_id, target, start_time) index; linked near-duplicate
 * legs left out, as in the timeline); the gaps one read of timeline_gaps; top contacts come from
 * the contacts table; patterns and devices from lib/data/patterns-of-life.ts, per target.
 */
export async function caseReport(db: Db, caseId: number): Promise<CaseReportResponse> {
  const c = await db.case.findUnique({ where: { id: caseId }, select: { id: true, name: true, displayTimezone: true } });
  if (!c) throw new AppError("not_found", NO_SUCH_CASE);
  const generatedAt = new Date().toISOString();
  const [targets, countRows, gapRows] = await Promise.all([
    listTargets(db, { caseId }),
    db.$queryRaw<CountRow[]>`
      SELECT target,
             SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 0 ELSE 1 END) AS calls,
             SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END) AS messages,
             SUM(CASE WHEN direction = 'incoming' THEN 1 ELSE 0 END) AS incoming,
             SUM(CASE WHEN direction = 'outgoing' THEN 1 ELSE 0 END) AS outgoing,
             MIN(start_time) AS first, MAX(start_time) AS last
      FROM call_records
      WHERE case_id = ${caseId} AND target IS NOT NULL AND duplicate_of IS NULL
      GROUP BY target`,
    db.timelineGap.findMany({ where: { caseId }, orderBy: [{ fromTime: "asc" }, { id: "asc" }] }),
  ]);
  const counts = new Map<string, ReportCounts>();
  for (const r of countRows) {
    const calls = n(r.calls);
    const messages = n(r.messages);
    counts.set(r.target, { records: calls + messages, calls, messages, incoming: n(r.incoming), outgoing: n(r.outgoing), first: r.first, last: r.last });
  }
  const gaps = new Map<string, ReportGap[]>();
  for (const g of gapRows) {
    const list = gaps.get(g.target) ?? [];
    gaps.set(g.target, list);
    list.push({ from: g.fromTime, to: g.toTime, seconds: g.seconds, ratio: g.ratio });
  }
  // One target at a time: each is a few indexed queries, and SQLite answers them one by one anyway.
  const pages: ReportTarget[] = [];
  for (const target of targets) {
    const [contacts, patterns, devices] = await Promise.all([
      db.contact.findMany({ where: { caseId, target }, orderBy: [{ calls: "desc" }, { messages: "desc" }, { id: "asc" }], take: REPORT_TOP_CONTACTS }),
      targetPatterns(db, caseId, target),
      targetDevices(db, caseId, target),
    ]);
    pages.push({
      target,
      counts: counts.get(target) ?? NO_EVENTS,
      topContacts: contacts.map((k) => ({ number: k.number, kind: k.kind ?? "e164", calls: k.calls, messages: k.messages, first: k.firstSeen, last: k.lastSeen })),
      patterns: { timezone: patterns.timezone, cells: patterns.cells },
      gaps: gaps.get(target) ?? [],
      devices,
    });
  }
  return { case: c, generatedAt, targets: pages };
}
