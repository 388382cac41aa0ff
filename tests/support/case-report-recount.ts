import type { ReportCounts } from "../../lib/schemas/analytics";

/** A counted record (duplicate_of IS NULL), as the report's counts need it. */
export interface CountedRecord {
  target: string | null;
  record_type: string;
  direction: string | null;
  start_time: string;
}

/**
 * The report's per-target counts recounted in JavaScript from the stored records (issue 21, case
 * report): calls = every type but SMS/MMS, records = calls + messages, first/last start time.
 * Shared by tests/integration/case-report.test.ts and tests/pg/case-report.pg.test.ts.
 */
export function recountReportCounts(records: readonly CountedRecord[]): Map<string, ReportCounts> {
  const counts = new Map<string, ReportCounts>();
  for (const r of records) {
    if (!r.target) continue;
    const c = counts.get(r.target) ?? { records: 0, calls: 0, messages: 0, incoming: 0, outgoing: 0, first: r.start_time, last: r.start_time };
    counts.set(r.target, c);
    c.records++;
    if (r.record_type === "sms" || r.record_type === "mms") c.messages++;
    else c.calls++;
    if (r.direction === "incoming") c.incoming++;
    if (r.direction === "outgoing") c.outgoing++;
    if (r.start_time < c.first!) c.first = r.start_time;
    if (r.start_time > c.last!) c.last = r.start_time;
  }
  return counts;
}
