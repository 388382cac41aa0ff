import type { DemoCellSite } from "./analytics-demo-layouts";

/** One record as the demo wrote it and as the product must store it (UTC, E.164). */
export interface DemoRecord {
  target: string;
  /** The file's name. */
  file: string;
  /** ISO-8601 UTC, seconds, "Z". */
  start: string;
  durationSeconds: number;
  caller: string;
  callee: string;
  recordType: "voice" | "sms";
  direction: "incoming" | "outgoing";
  cellFirst: string;
  cellLast: string | null;
  imei: string | null;
  imsi: string | null;
}

interface WrittenFile {
  name: string;
  path: string;
  target: string;
  layout: string;
  records: DemoRecord[];
}

/** What the demo case must show, computed from the records written (see analytics-demo-case.ts). */
export interface DemoCaseTruth {
  targets: string[];
  files: { name: string; path: string; target: string; layout: string; records: number }[];
  /** The display time zone to set on the case; `patterns` are in it. */
  timezone: string;
  counts: Record<string, { calls: number; messages: number; records: number }>;
  /** Ranked as lib/data/common-contacts.ts: most targets, most events, then number; each target's share most events first. */
  commonContacts: { number: string; targets: { target: string; events: number; first: string; last: string }[]; events: number }[];
  /** Non-empty cells only; weekday 1 = Monday … 7 = Sunday (ISO), hour 0–23 local. */
  patterns: Record<string, { weekday: number; hour: number; calls: number; messages: number; incoming: number; outgoing: number }[]>;
  /** By first use (then IMEI, IMSI), as lib/data/patterns-of-life.ts orders them. */
  devices: Record<string, { imei: string | null; imsi: string | null; first: string; last: string; events: number }[]>;
  deviceChanges: Record<string, { at: string; imeiChanged: boolean; imsiChanged: boolean }[]>;
  /** Under the default rule: a silence of ≥ 24 h and ≥ 8 × the target's median interval. */
  gaps: Record<string, { from: string; to: string; seconds: number }[]>;
  /** Records whose first or last cell is `cell`, most first (then by cell). */
  cells: Record<string, { cell: string; events: number }[]>;
  cellSitesFile: string;
  cellSites: { cell: string; siteName: string; latitude: number; longitude: number; azimuth: number; beamwidth: number }[];
  /** Every record, in file order: for counts under any filter (records search, other gap thresholds). */
  records: DemoRecord[];
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const groupBy = <T>(items: T[], key: (t: T) => string) => {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
};

/** The silences of ≥ `minSeconds` and ≥ `minRatio` × the median interval between a target's events (none under 11 events). */
export function silences(starts: string[], minSeconds = 24 * 3600, minRatio = 8): { from: string; to: string; seconds: number }[] {
  const sorted = [...starts].sort();
  const steps = sorted.slice(1).map((t, i) => ({ from: sorted[i]!, to: t, seconds: Math.round((Date.parse(t) - Date.parse(sorted[i]!)) / 1000) }));
  if (steps.length < 10) return [];
  const s = steps.map((x) => x.seconds).sort((a, b) => a - b);
  const median = s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  return steps.filter((x) => x.seconds >= minSeconds && x.seconds >= minRatio * median);
}

function localHour(zone: string): (iso: string) => { weekday: number; hour: number } {
  const dtf = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", weekday: "short", hour: "2-digit" });
  const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  return (iso) => {
    const p = Object.fromEntries(dtf.formatToParts(Date.parse(iso)).map((x) => [x.type, x.value]));
    return { weekday: days.indexOf(p.weekday!) + 1, hour: Number(p.hour) % 24 };
  };
}

/** The truth of the written files. */
export function demoCaseTruth(w: { files: WrittenFile[]; timezone: string; cellSitesFile: string; cellSites: DemoCellSite[] }): DemoCaseTruth {
  const records = w.files.flatMap((f) => f.records);
  const byTarget = groupBy(records, (r) => r.target);
  const targets = [...byTarget.keys()];
  const perTarget = <T>(f: (rs: DemoRecord[], target: string) => T) => Object.fromEntries(targets.map((t) => [t, f(byTarget.get(t)!, t)]));
  const other = (r: DemoRecord) => (r.caller === r.target ? r.callee : r.caller);

  const pairs = [...groupBy(records, (r) => `${r.target} ${other(r)}`).values()].map((rs) => ({
    number: other(rs[0]!),
    target: rs[0]!.target,
    events: rs.length,
    first: rs.map((r) => r.start).sort()[0]!,
    last: rs.map((r) => r.start).sort()[rs.length - 1]!,
  }));
  const commonContacts = [...groupBy(pairs, (p) => p.number).values()]
    .filter((ps) => ps.length >= 2)
    .map((ps) => ({
      number: ps[0]!.number,
      targets: ps.map(({ target, events, first, last }) => ({ target, events, first, last })).sort((a, b) => b.events - a.events || cmp(a.target, b.target)),
      events: ps.reduce((s, p) => s + p.events, 0),
    }))
    .sort((a, b) => b.targets.length - a.targets.length || b.events - a.events || cmp(a.number, b.number));

  const local = localHour(w.timezone);
  const patterns = perTarget((rs) =>
    [...groupBy(rs, (r) => JSON.stringify(local(r.start))).entries()]
      .map(([k, cell]) => ({
        ...(JSON.parse(k) as { weekday: number; hour: number }),
        calls: cell.filter((r) => r.recordType === "voice").length,
        messages: cell.filter((r) => r.recordType === "sms").length,
        incoming: cell.filter((r) => r.direction === "incoming").length,
        outgoing: cell.filter((r) => r.direction === "outgoing").length,
      }))
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
  );

  const devices = perTarget((rs) =>
    [
      ...groupBy(
        rs.filter((r) => r.imei || r.imsi),
        (r) => `${r.imei}|${r.imsi}`,
      ).values(),
    ]
      .map((d) => ({ imei: d[0]!.imei, imsi: d[0]!.imsi, first: d.map((r) => r.start).sort()[0]!, last: d.map((r) => r.start).sort()[d.length - 1]!, events: d.length }))
      .sort((a, b) => cmp(a.first, b.first) || cmp(a.imei ?? "", b.imei ?? "") || cmp(a.imsi ?? "", b.imsi ?? "")),
  );
  const deviceChanges = perTarget((_, t) => {
    const changes: DemoCaseTruth["deviceChanges"][string] = [];
    let imei: string | null = null;
    let imsi: string | null = null;
    for (const d of devices[t]!) {
      const imeiChanged = imei !== null && d.imei !== null && d.imei !== imei;
      const imsiChanged = imsi !== null && d.imsi !== null && d.imsi !== imsi;
      if (imeiChanged || imsiChanged) changes.push({ at: d.first, imeiChanged, imsiChanged });
      imei = d.imei ?? imei;
      imsi = d.imsi ?? imsi;
    }
    return changes;
  });

  const cells = perTarget((rs) =>
    [
      ...groupBy(
        rs.flatMap((r) => [...new Set([r.cellFirst, r.cellLast ?? r.cellFirst])]),
        (c) => c,
      ).entries(),
    ]
      .map(([cell, list]) => ({ cell, events: list.length }))
      .sort((a, b) => b.events - a.events || cmp(a.cell, b.cell)),
  );

  return {
    targets,
    files: w.files.map((f) => ({ name: f.name, path: f.path, target: f.target, layout: f.layout, records: f.records.length })),
    timezone: w.timezone,
    counts: perTarget((rs) => ({ calls: rs.filter((r) => r.recordType === "voice").length, messages: rs.filter((r) => r.recordType === "sms").length, records: rs.length })),
    commonContacts,
    patterns,
    devices,
    deviceChanges,
    gaps: perTarget((rs) => silences(rs.map((r) => r.start))),
    cells,
    cellSitesFile: w.cellSitesFile,
    cellSites: w.cellSites.map((s) => ({ ...s })),
    records,
  };
}
