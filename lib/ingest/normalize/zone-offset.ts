/**
 * Local wall-clock time → UTC instant for one time zone.
 *
 * A "wall" value is the local date and time written as if it were UTC (Date.UTC of its parts);
 * the converter returns the real UTC instant in ms. Zones are IANA names ("America/New_York") or
 * fixed offsets ("+05:30", "-0500", "UTC+5").
 *
 * DST rules (the same as Temporal's "compatible" disambiguation and java.time):
 * - overlap/fold (a wall time that happens twice, e.g. 01:30 on the November change in New York):
 *   the earlier instant, i.e. the offset in force before the change (EDT, 05:30Z);
 * - gap (a wall time that never happens, e.g. 02:30 on the March change): the offset in force
 *   before the change, which moves the time forward by the gap (02:30 EST = 03:30 EDT = 07:30Z).
 *
 * Speed: the offset is resolved with Intl.DateTimeFormat once per (zone, local day), and per
 * half hour only on the days of a change; rows of a CDR file are nearly sorted, so the last day is
 * checked first.
 */
export type WallToUtc = (wallMs: number) => number;

const converters = new Map<string, WallToUtc | null>();

/** The converter for a zone, or null when the zone is not known to this runtime. */
export function wallToUtcConverter(zone: string): WallToUtc | null {
  let conv = converters.get(zone);
  if (conv === undefined) {
    conv = buildConverter(zone);
    converters.set(zone, conv);
  }
  return conv;
}

const UTC_NAMES = new Set(["utc", "etc/utc", "gmt", "etc/gmt", "z", "zulu", "uct", "etc/uct", "universal", "etc/universal", "etc/zulu", "gmt0", "etc/gmt0", "greenwich"]);
const identity: WallToUtc = (wall) => wall;

function buildConverter(zone: string): WallToUtc | null {
  const name = zone.trim();
  if (UTC_NAMES.has(name.toLowerCase())) return identity;
  const fixed = fixedOffsetMinutes(name);
  if (fixed !== null) {
    const offsetMs = fixed * 60_000;
    return fixed === 0 ? identity : (wall) => wall - offsetMs;
  }
  const dtf = makeFormatter(name);
  return dtf ? ianaConverter(dtf) : null;
}

/** "+05:30", "-0500", "+5", "UTC+5", "GMT-03:30" → minutes east of UTC; null for anything else. */
export function fixedOffsetMinutes(text: string): number | null {
  const m = /^(?:UTC|GMT|UT)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text.trim());
  if (!m) return null;
  const h = Number(m[2]);
  const min = m[3] ? Number(m[3]) : 0;
  if (h > 14 || min > 59) return null;
  const total = h * 60 + min;
  return m[1] === "+" ? total : -total;
}

function makeFormatter(zone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
  } catch {
    return null;
  }
}

const BUCKET_MS = 30 * 60_000;
const MEMO_CAP = 200_000;
const DAY_MS = 86_400_000;

function ianaConverter(dtf: Intl.DateTimeFormat): WallToUtc {
  // Most days have one offset all day: memoize per day, and per half hour only on change days.
  const days = new Map<number, number>();
  const halfHours = new Map<number, number>();
  let lastDay = Number.NaN;
  let lastOffset = 0;
  return (wall) => {
    const day = Math.floor(wall / DAY_MS);
    if (day === lastDay) return wall - lastOffset;
    let offset = days.get(day);
    if (offset === undefined) {
      offset = constantOffsetOfDay(dtf, day * DAY_MS);
      if (days.size >= MEMO_CAP) days.clear();
      days.set(day, offset);
    }
    if (!Number.isNaN(offset)) {
      lastDay = day;
      lastOffset = offset;
      return wall - offset;
    }
    const bucket = Math.floor(wall / BUCKET_MS);
    let resolved = halfHours.get(bucket);
    if (resolved === undefined) {
      resolved = resolveOffset(dtf, bucket * BUCKET_MS);
      if (halfHours.size >= MEMO_CAP) halfHours.clear();
      halfHours.set(bucket, resolved);
    }
    return wall - resolved;
  };
}

/** The offset when it is the same for every wall time of the day, else NaN (a change day). */
function constantOffsetOfDay(dtf: Intl.DateTimeFormat, dayStart: number): number {
  // Wall times of the day map to instants within [dayStart − 14 h, dayStart + 38 h]. Day d and
  // day d + 3 share a probe, so probes are memoized per formatter.
  const before = probe(dtf, dayStart - DAY_MS);
  const after = probe(dtf, dayStart + 2 * DAY_MS);
  return before === after ? before : Number.NaN;
}

const probes = new WeakMap<Intl.DateTimeFormat, Map<number, number>>();

function probe(dtf: Intl.DateTimeFormat, instant: number): number {
  let memo = probes.get(dtf);
  if (!memo) {
    memo = new Map();
    probes.set(dtf, memo);
  }
  let offset = memo.get(instant);
  if (offset === undefined) {
    offset = offsetAt(dtf, instant);
    if (memo.size >= MEMO_CAP) memo.clear();
    memo.set(instant, offset);
  }
  return offset;
}

/** The offset (ms) to subtract from a wall time, with the fold/gap rules above. */
function resolveOffset(dtf: Intl.DateTimeFormat, wall: number): number {
  // The true instant lies within ±14 h of the wall value; transitions are months apart.
  const before = offsetAt(dtf, wall - DAY_MS);
  const after = offsetAt(dtf, wall + DAY_MS);
  if (before === after) return before;
  const beforeFits = offsetAt(dtf, wall - before) === before;
  const afterFits = offsetAt(dtf, wall - after) === after;
  if (beforeFits && afterFits) return Math.max(before, after); // fold: the earlier instant
  if (beforeFits) return before;
  if (afterFits) return after;
  return before; // gap: keep the old offset, which shifts the time forward
}

/** UTC offset (ms) in force at an instant. */
export function offsetAt(dtf: Intl.DateTimeFormat, instant: number): number {
  const t = Math.floor(instant / 1000) * 1000;
  let y = 0,
    mo = 0,
    d = 0,
    h = 0,
    mi = 0,
    s = 0,
    bc = false;
  for (const p of dtf.formatToParts(t)) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
      case "era":
        bc = p.value.startsWith("B");
        break;
    }
  }
  const wall = Date.UTC(bc ? 1 - y : y, mo - 1, d, h, mi, s);
  return wall - t;
}
