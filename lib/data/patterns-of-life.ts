import { Prisma } from "../../generated/prisma-sqlite/client";
import type { Db } from "../db/prisma";
import { AppError } from "../app-error";
import { NO_SUCH_CASE, type CaseScope } from "./case-access";
import { caseCondition } from "./case-condition";
import { imeiCheckDigit } from "./records";
import type { DeviceChange, DevicesResponse, PatternCell, PatternsResponse, TargetDevice } from "../schemas/analytics";

/**
 * Patterns of life and devices of one target in one case (issue 21), computed in the database: the
 * same SQL on SQLite and PostgreSQL (start_time is ISO-8601 UTC text on both), over the
 * (case_id, target, start_time) index. Linked near-duplicate legs (duplicate_of set) are not
 * counted, as in the timeline.
 */

export interface HourRow {
  hour: string;
  calls: number | bigint;
  messages: number | bigint;
  incoming: number | bigint;
  outgoing: number | bigint;
  first: string;
  last: string;
}

const n = (v: number | bigint | null) => Number(v ?? 0);

/**
 * The 7 × 24 hour-of-day × weekday counts of a target's events in the case's display time zone
 * (UTC when the case has none), and the first and last event of each local day.
 *
 * SQLite knows no time zones, so the database groups by the UTC hour (substr(start_time, 1, 13):
 * at most 24 rows a day of records) and Node folds each UTC hour into the local hour and weekday
 * its start falls in, with the offset in force at that instant (so daylight saving is followed).
 * Exact for every zone whose offset is whole hours; for zones with :30 or :45 offsets (India,
 * Nepal, Newfoundland…) a UTC hour straddles two local hours, and all of its events count in the
 * local hour its start falls in (an approximation of up to 45 minutes). Days: each UTC hour's
 * first and last event (MIN/MAX) are placed in their own local day, exactly; only in those
 * offset zones may the hour across local midnight leave a day's true first or last inside it.
 */
export async function targetPatterns(db: Db, caseId: number, target: string): Promise<PatternsResponse> {
  const c = await db.case.findUnique({ where: { id: caseId }, select: { displayTimezone: true } });
  if (!c) throw new AppError("not_found", NO_SUCH_CASE);
  return foldHourRows(await targetHourRows(db, caseId, target), c.displayTimezone ?? "UTC");
}

/** A target's events per UTC hour in a case (any order): what targetPatterns folds, and what sums to the target's counts. */
export async function targetHourRows(db: Db, caseId: number, target: string): Promise<HourRow[]> {
  return db.$queryRaw<HourRow[]>`
    SELECT substr(start_time, 1, 13) AS hour,
           SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 0 ELSE 1 END) AS calls,
           SUM(CASE WHEN record_type IN ('sms', 'mms') THEN 1 ELSE 0 END) AS messages,
           SUM(CASE WHEN direction = 'incoming' THEN 1 ELSE 0 END) AS incoming,
           SUM(CASE WHEN direction = 'outgoing' THEN 1 ELSE 0 END) AS outgoing,
           MIN(start_time) AS first, MAX(start_time) AS last
    FROM call_records
    WHERE case_id = ${caseId} AND target = ${target} AND duplicate_of IS NULL
    GROUP BY substr(start_time, 1, 13)
    ORDER BY hour`;
}

/** Folds the UTC-hour rows of one target (any order) into the 7 × 24 cells and the days of `timezone` (targetPatterns' rule). */
export function foldHourRows(rows: readonly HourRow[], timezone: string): PatternsResponse {
  const local = localClock(timezone);
  const cells: PatternCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, calls: 0, messages: 0, incoming: 0, outgoing: 0 });
  }
  const days = new Map<string, { first: string; last: string }>();
  const place = (day: string, first: string, last: string) => {
    const d = days.get(day);
    if (!d) days.set(day, { first, last });
    else {
      if (first < d.first) d.first = first;
      if (last > d.last) d.last = last;
    }
  };
  for (const r of rows) {
    const start = Date.parse(`${r.hour}:00:00Z`);
    if (Number.isNaN(start)) continue; // not an ISO start time: nothing to place
    const at = local(start);
    const cell = cells[(at.weekday - 1) * 24 + at.hour]!;
    cell.calls += n(r.calls);
    cell.messages += n(r.messages);
    cell.incoming += n(r.incoming);
    cell.outgoing += n(r.outgoing);
    const firstDay = local(Date.parse(r.first)).day;
    const lastDay = local(Date.parse(r.last)).day;
    if (firstDay === lastDay) place(firstDay, r.first, r.last);
    else {
      place(firstDay, r.first, r.first);
      place(lastDay, r.last, r.last);
    }
  }
  return {
    timezone,
    cells,
    days: [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, d]) => ({ day, ...d })),
  };
}

interface LocalTime {
  /** Local date, YYYY-MM-DD. */
  day: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

/** UTC instant (ms) → local date, weekday and hour in a zone, with Intl (the zone's rules of the runtime's ICU). */
export function localClock(zone: string): (ms: number) => LocalTime {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" });
  } catch {
    // A zone this runtime does not know (stored before an ICU update removed it): UTC.
    dtf = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit" });
  }
  // Memoized per quarter hour: every zone's offsets and transitions fall on quarter hours, so all
  // instants of one quarter share a local day and hour, and a case-wide fold (the report: 50
  // targets over the same hours) asks Intl once per quarter instead of once per row.
  const memo = new Map<number, LocalTime>();
  return (ms) => {
    const quarter = Math.floor(ms / 900_000);
    const hit = memo.get(quarter);
    if (hit) return hit;
    const at = localAt(dtf, ms);
    if (memo.size < 200_000) memo.set(quarter, at);
    return at;
  };
}

function localAt(dtf: Intl.DateTimeFormat, ms: number): LocalTime {
  const p: Record<string, string> = {};
  for (const part of dtf.formatToParts(ms)) p[part.type] = part.value;
  const y = Number(p.year);
  const m = Number(p.month);
  const d = Number(p.day);
  const sunday0 = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { day: `${p.year!.padStart(4, "0")}-${p.month}-${p.day}`, weekday: sunday0 === 0 ? 7 : sunday0, hour: Number(p.hour) % 24 };
}

export interface DeviceRow {
  imei: string | null;
  imsi: string | null;
  first: string;
  last: string;
  events: number | bigint;
}

/** A column's digits: the spaces, dashes and dots of grouped spellings dropped; '' → NULL. */
export const digitsOf = (col: "imei" | "imsi") => Prisma.raw(`NULLIF(REPLACE(REPLACE(REPLACE(${col}, ' ', ''), '-', ''), '.', ''), '')`);

/**
 * The handset (IMEI) + SIM (IMSI) pairs a target's events carry, by first use, and the changes.
 *
 * One GROUP BY over the target's events with an IMEI or an IMSI. Spellings are compared as digits
 * (a grouped "35-209900-176148-1" is 352099001761481), and a 14-digit IMEI is the 15-digit one
 * without its check digit: the two are one handset, shown with 15 digits.
 *
 * Changes, kept simple: the pairs are ordered by first use, and each is compared with the handset
 * and the SIM last known before it (`from`: the latest IMEI and IMSI of the pairs first used
 * earlier); a change is listed at the pair's first use when its IMEI differs (a new handset) or its
 * IMSI differs (a new SIM). A side the pair lacks (a message carrying only the IMSI) is unknown, not
 * a change, and does not forget the last known one. Pairs used in alternation (two handsets at
 * once) show one change per new pair, not each switch back and forth.
 */
export async function targetDevices(db: Db, caseId: number, target: string): Promise<DevicesResponse> {
  return scopeDevices(db, { caseId }, target);
}

/** The device changes of a target in a scope (the timeline marks them): targetDevices' changes, from the same one query. */
export async function scopeDeviceChanges(db: Db, scope: CaseScope, target: string): Promise<DeviceChange[]> {
  return (await scopeDevices(db, scope, target)).changes;
}

/** targetDevices over a scope: one case, or (the timeline without a case) every case the user may see, as one history. */
async function scopeDevices(db: Db, scope: CaseScope, target: string): Promise<DevicesResponse> {
  const imei = digitsOf("imei");
  const imsi = digitsOf("imsi");
  const rows = await db.$queryRaw<DeviceRow[]>`
    SELECT ${imei} AS imei, ${imsi} AS imsi, MIN(start_time) AS first, MAX(start_time) AS last, COUNT(*) AS events
    FROM call_records
    WHERE ${caseCondition(scope)} AND target = ${target} AND duplicate_of IS NULL AND (${imei} IS NOT NULL OR ${imsi} IS NOT NULL)
    GROUP BY ${imei}, ${imsi}`;
  return foldDeviceRows(rows);
}

/** The (IMEI, IMSI) groups of one target (any order) as devices by first use and the changes between them (targetDevices' rule). */
export function foldDeviceRows(rows: readonly DeviceRow[]): DevicesResponse {
  // One handset whatever the check digit: a 14-digit IMEI joins its 15-digit spelling.
  const merged = new Map<string, TargetDevice>();
  for (const r of rows) {
    const full = r.imei && /^\d{14}$/.test(r.imei) ? r.imei + imeiCheckDigit(r.imei) : r.imei;
    const key = `${full ?? ""}|${r.imsi ?? ""}`;
    const d = merged.get(key);
    if (!d) merged.set(key, { imei: full, imsi: r.imsi, first: r.first, last: r.last, events: n(r.events) });
    else {
      if (r.first < d.first) d.first = r.first;
      if (r.last > d.last) d.last = r.last;
      d.events += n(r.events);
    }
  }
  const devices = [...merged.values()].sort(
    (a, b) => cmp(a.first, b.first) || cmp(a.imei ?? "", b.imei ?? "") || cmp(a.imsi ?? "", b.imsi ?? ""),
  );
  const changes: DeviceChange[] = [];
  // The handset and the SIM last known before each pair (a pair without one side keeps the last known).
  let imeiBefore: string | null = null;
  let imsiBefore: string | null = null;
  for (const d of devices) {
    const imeiChanged = imeiBefore !== null && d.imei !== null && d.imei !== imeiBefore;
    const imsiChanged = imsiBefore !== null && d.imsi !== null && d.imsi !== imsiBefore;
    if (imeiChanged || imsiChanged) {
      changes.push({ at: d.first, from: { imei: imeiBefore, imsi: imsiBefore }, to: { imei: d.imei, imsi: d.imsi }, imeiChanged, imsiChanged });
    }
    imeiBefore = d.imei ?? imeiBefore;
    imsiBefore = d.imsi ?? imsiBefore;
  }
  return { devices, changes };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
