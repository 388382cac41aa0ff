import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { NO_SUCH_CASE } from "./case-access";
import { reportedGaps } from "./gap-thresholds";
import { caseDeviceRows, caseHourRows, caseTopContacts } from "./case-report-sources";
import { foldDeviceRows, foldHourRows, targetDevices, targetHourRows, type HourRow } from "./patterns-of-life";
import { listTargets } from "./records";
import type { CaseReportResponse, ReportCounts, ReportGap, ReportTarget } from "../schemas/analytics";

/** How many of a target's contacts the report lists, the most calls first (as the contacts page orders them). */
export const REPORT_TOP_CONTACTS = 10;

const n = (v: number | bigint | null) => Number(v ?? 0);
const NO_EVENTS: ReportCounts = { records: 0, calls: 0, messages: 0, incoming: 0, outgoing: 0, first: null, last: null };

/**
 * The case report (issue 21): for every target of the case, its counts, top contacts, heat map,
 * timeline gaps and devices — the figures the contacts page shows one target at a time, gathered
 * for one printable page per target. Read case-wide (case-report-sources.ts): the events per
 * target and UTC hour (folded into each target's heat map, and summed into its counts), the
 * (IMEI, IMSI) groups per target, the top contacts per target (one windowed query over the
 * contacts table), and the gaps in one read of timeline_gaps under each target's threshold.
 * 6.3 s for 50 targets over 1M records when it asked per target; see docs/benchmarks.md.
 */
export async function caseReport(db: Db, caseId: number, target?: string): Promise<CaseReportResponse> {
  const c = await db.case.findUnique({ where: { id: caseId }, select: { id: true, name: true, displayTimezone: true } });
  if (!c) throw new AppError("not_found", NO_SUCH_CASE);
  const generatedAt = new Date().toISOString();
  const timezone = c.displayTimezone ?? "UTC";
  if (target !== undefined) return { case: c, generatedAt, targets: await targetPage(db, caseId, target, timezone) };
  const [targets, hours, deviceRows, contactRows, gapRows] = await Promise.all([
    listTargets(db, { caseId }),
    caseHourRows(db, caseId),
    caseDeviceRows(db, caseId),
    caseTopContacts(db, caseId, REPORT_TOP_CONTACTS),
    reportedGaps(db, { caseId }),
  ]);
  const gaps = new Map<string, ReportGap[]>();
  for (const g of gapRows) {
    const list = gaps.get(g.target) ?? [];
    gaps.set(g.target, list);
    list.push({ from: g.from, to: g.to, seconds: g.seconds, ratio: g.ratio });
  }
  const pages: ReportTarget[] = targets.map((target) => {
    const rows = hours.get(target) ?? [];
    const patterns = foldHourRows(rows, timezone);
    return {
      target,
      counts: sumCounts(rows),
      topContacts: (contactRows.get(target) ?? []).map((k) => ({
        number: k.number,
        kind: k.kind ?? "e164",
        calls: n(k.calls),
        messages: n(k.messages),
        first: k.first_seen,
        last: k.last_seen,
      })),
      patterns: { timezone: patterns.timezone, cells: patterns.cells },
      gaps: gaps.get(target) ?? [],
      devices: foldDeviceRows(deviceRows.get(target) ?? []),
    };
  });
  return { case: c, generatedAt, targets: pages };
}

/** A target's counts from its hour rows: every event falls in exactly one UTC hour. */
function sumCounts(rows: readonly HourRow[]): ReportCounts {
  if (rows.length === 0) return NO_EVENTS;
  const c = { ...NO_EVENTS, first: rows[0]!.first, last: rows[0]!.last };
  for (const r of rows) {
    c.calls += n(r.calls);
    c.messages += n(r.messages);
    c.incoming += n(r.incoming);
    c.outgoing += n(r.outgoing);
    if (r.first < c.first) c.first = r.first;
    if (r.last > c.last) c.last = r.last;
  }
  return { ...c, records: c.calls + c.messages };
}

/**
 * One target's page, from that target's own index range (the per-target queries the contacts page
 * uses); zero counts when the target has no counted records in the case.
 */
async function targetPage(db: Db, caseId: number, target: string, timezone: string): Promise<ReportTarget[]> {
  const [hours, devices, contacts, gaps] = await Promise.all([
    targetHourRows(db, caseId, target),
    targetDevices(db, caseId, target),
    db.contact.findMany({ where: { caseId, target }, orderBy: [{ calls: "desc" }, { messages: "desc" }, { id: "asc" }], take: REPORT_TOP_CONTACTS }),
    reportedGaps(db, { caseId }, target),
  ]);
  const patterns = foldHourRows(hours, timezone);
  return [
    {
      target,
      counts: sumCounts(hours),
      topContacts: contacts.map((k) => ({ number: k.number, kind: k.kind ?? "e164", calls: k.calls, messages: k.messages, first: k.firstSeen, last: k.lastSeen })),
      patterns: { timezone: patterns.timezone, cells: patterns.cells },
      gaps: gaps.map((g) => ({ from: g.from, to: g.to, seconds: g.seconds, ratio: g.ratio })),
      devices,
    },
  ];
}
