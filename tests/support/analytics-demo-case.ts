import fs from "node:fs";
import path from "node:path";
import { createRng, type Rng } from "../fuzz/prng";
import { demoCaseTruth, type DemoCaseTruth, type DemoRecord } from "./analytics-demo-truth";
import { attFile, cellSitesCsv, tmobileFile, verizonFile, type DemoCellSite } from "./analytics-demo-layouts";

export type { DemoCaseTruth, DemoRecord } from "./analytics-demo-truth";
export { silences } from "./analytics-demo-truth";

/**
 * The analytics demo case (issue 21): three Houston targets in the sample carriers' own layouts —
 * A in two monthly AT&T returns with a two-week silence across them, B in a T-Mobile return that
 * changes handset (IMEI) and later SIM (IMSI), C in a Verizon return — that share contacts (two
 * numbers all three talk to, one per pair of targets, and B's own number in A's and C's records),
 * over a small set of cells, plus the case's cell-site list. writeDemoCase writes the files and
 * returns the truth computed from the very records it wrote (analytics-demo-truth.ts). Deterministic:
 * the same files and truth on every run. scripts/make-demo-case.mts is its command line.
 */

/** A, B and C as the files name them (10 digits) and as the product stores them (E.164). */
export const DEMO = { A: "7132081946", B: "2813057724", C: "8325541309" } as const;
export const DEMO_TARGETS = { A: `+1${DEMO.A}`, B: `+1${DEMO.B}`, C: `+1${DEMO.C}` } as const;
/** The display time zone the journeys set on the case (CST, UTC−6, all January and February 2024). */
export const DEMO_TIMEZONE = "America/Chicago";

/** Numbers all three targets talk to, and one per pair. */
const S1 = "7134402218",
  S2 = "2815509021",
  AC = "8326617045",
  BC = "3462281190";

type Weighted<T> = [T, number][];

/** Who each target talks to, and how often (weights). B's own number is a contact of A and C (never the reverse: no call appears in two targets' files). */
const CONTACTS: Record<keyof typeof DEMO, Weighted<string>> = {
  A: [
    [S1, 6],
    [S2, 3],
    [DEMO.B, 2],
    [AC, 4],
    ["7135029934", 5],
    ["9365521187", 2],
    ["4092213365", 1],
  ],
  B: [
    [S1, 4],
    [S2, 5],
    [BC, 4],
    ["2817734410", 6],
    ["8322091156", 3],
    ["9792856601", 1],
  ],
  C: [
    [S1, 3],
    [S2, 2],
    [AC, 5],
    [BC, 3],
    [DEMO.B, 2],
    ["8329974412", 6],
    ["7137781203", 2],
  ],
};

/** The cells each target's calls use (site-sector, as the carriers write them). 21208-2 is in no cell-site list. */
const CELLS: Record<keyof typeof DEMO, Weighted<string>> = {
  A: [
    ["21045-1", 6],
    ["21045-2", 3],
    ["21046-1", 2],
    ["21208-2", 2],
  ],
  B: [
    ["21045-3", 4],
    ["21112-1", 5],
    ["21112-2", 2],
    ["21046-3", 2],
  ],
  C: [
    ["21045-1", 3],
    ["21046-1", 4],
    ["21046-3", 2],
    ["21112-1", 1],
  ],
};

/** Four Houston sites; sector n points at azimuth (n − 1) × 120°. */
const SITES: { id: string; name: string; latitude: number; longitude: number; sectors: number[] }[] = [
  { id: "21045", name: "Downtown Main St", latitude: 29.7604, longitude: -95.3698, sectors: [1, 2, 3] },
  { id: "21046", name: "Midtown Bagby St", latitude: 29.742, longitude: -95.378, sectors: [1, 3] },
  { id: "21112", name: "Galleria Westheimer Rd", latitude: 29.7392, longitude: -95.4633, sectors: [1, 2] },
  { id: "21208", name: "Heights Yale St", latitude: 29.7989, longitude: -95.3986, sectors: [1] },
];

const H = 3600_000;
const DAY = 24 * H;
const at = (iso: string) => Date.parse(iso);

/** A valid 15-digit IMEI: 14 digits and their Luhn check digit. */
function imei(body14: string): string {
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(body14[13 - i]);
    if (i % 2 === 0) d *= 2;
    sum += d > 9 ? d - 9 : d;
  }
  return body14 + ((10 - (sum % 10)) % 10);
}

export const DEMO_DEVICES = {
  A: { imei: imei("35394611072334"), imsi: "310410583920147" },
  B1: { imei: imei("35827409551820"), imsi: "310260441907352" },
  B2: { imei: imei("35699811234905"), imsi: "310260441907352" },
  B3: { imei: imei("35699811234905"), imsi: "310260772015846" },
};
/** B's new handset from its first event on or after this instant; its new SIM from the second. */
const B_NEW_HANDSET = at("2024-01-27T00:00:00Z");
const B_NEW_SIM = at("2024-02-12T00:00:00Z");

function pick<T>(rng: Rng, list: Weighted<T>): T {
  let r = rng.next() * list.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of list) if ((r -= w) < 0) return v;
  return list[list.length - 1]![0];
}

/**
 * Event instants from `from` to `to`, 1.5–7 h apart (a steady rhythm whose median is ~4 h, so only
 * a silence of a day and a half or more stands out), and no event between 01:00 and 07:00 in
 * Chicago (07:00–12:59 UTC): such an event moves to 07:xx local, which keeps every night's
 * silence under 13 h.
 */
function instants(rng: Rng, from: number, to: number): number[] {
  const out: number[] = [];
  let t = from;
  while (t <= to) {
    out.push(t);
    t += Math.round(((1.5 + 5.5 * rng.next()) * H) / 1000) * 1000;
    const hour = new Date(t).getUTCHours();
    if (hour >= 7 && hour < 13) t = Math.floor(t / DAY) * DAY + 13 * H + rng.int(50 * 60) * 1000;
  }
  return out;
}

/** One target's records at the given instants, in its file. */
function records(rng: Rng, who: keyof typeof DEMO, file: string, times: number[], device: (ms: number) => { imei: string; imsi: string } | null): DemoRecord[] {
  const self = DEMO[who];
  return times.map((ms) => {
    const other = pick(rng, CONTACTS[who]);
    const outgoing = rng.next() < 0.5;
    const sms = rng.next() < 0.35;
    const cellFirst = pick(rng, CELLS[who]);
    // Only T-Mobile writes a last cell: the same as the first half of the time.
    const cellLast = who === "B" ? (rng.next() < 0.5 ? cellFirst : pick(rng, CELLS.B)) : null;
    const d = device(ms);
    return {
      target: `+1${self}`,
      file,
      start: new Date(ms).toISOString().replace(".000Z", "Z"),
      durationSeconds: sms ? 0 : 20 + rng.int(2380),
      caller: `+1${outgoing ? self : other}`,
      callee: `+1${outgoing ? other : self}`,
      recordType: sms ? "sms" : "voice",
      direction: outgoing ? "outgoing" : "incoming",
      cellFirst,
      cellLast,
      imei: d?.imei ?? null,
      imsi: d?.imsi ?? null,
    };
  });
}

/** The cell-site list: every sector of SITES (so every cell used but 21208-2). */
function cellSites(): DemoCellSite[] {
  return SITES.flatMap((s) =>
    s.sectors.map((n) => ({ cell: `${s.id}-${n}`, siteName: s.name, latitude: s.latitude, longitude: s.longitude, azimuth: (n - 1) * 120, beamwidth: 120 })),
  );
}

/** Writes the demo case's files and cell-site list into `dir` and returns their truth. */
export function writeDemoCase(dir: string): DemoCaseTruth {
  fs.mkdirSync(dir, { recursive: true });
  const rng = createRng(20240101);
  const files = {
    a1: "att-7132081946-2024-01.csv",
    a2: "att-7132081946-2024-02.csv",
    b: "tmobile-12813057724-2024q1.tsv",
    c: "verizon-8325541309-2024q1.txt",
  };
  const january = instants(rng, at("2024-01-01T14:07:12Z"), at("2024-01-24T18:00:00Z"));
  // The two-week silence: February's return starts 14 days (and 17 min) after January's last event.
  const febStart = january[january.length - 1]! + 14 * DAY + 17 * 60_000;
  const february = instants(rng, febStart, at("2024-02-29T20:00:00Z"));
  const a1 = records(rng, "A", files.a1, january, () => DEMO_DEVICES.A);
  const a2 = records(rng, "A", files.a2, february, () => DEMO_DEVICES.A);
  const b = records(rng, "B", files.b, instants(rng, at("2024-01-03T15:22:41Z"), at("2024-02-26T23:00:00Z")), (ms) =>
    ms < B_NEW_HANDSET ? DEMO_DEVICES.B1 : ms < B_NEW_SIM ? DEMO_DEVICES.B2 : DEMO_DEVICES.B3,
  );
  const c = records(rng, "C", files.c, instants(rng, at("2024-01-08T16:45:09Z"), at("2024-02-22T22:00:00Z")), () => null);

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const sites = cellSites();
  const written = [
    { name: files.a1, path: write(files.a1, attFile(DEMO.A, a1)), target: DEMO_TARGETS.A, layout: "att", records: a1 },
    { name: files.a2, path: write(files.a2, attFile(DEMO.A, a2)), target: DEMO_TARGETS.A, layout: "att", records: a2 },
    { name: files.b, path: write(files.b, tmobileFile(DEMO.B, b)), target: DEMO_TARGETS.B, layout: "tmobile", records: b },
    { name: files.c, path: write(files.c, verizonFile(DEMO.C, c)), target: DEMO_TARGETS.C, layout: "verizon", records: c },
  ];
  const cellSitesFile = write("cell-sites.csv", cellSitesCsv(sites));
  return demoCaseTruth({ files: written, timezone: DEMO_TIMEZONE, cellSitesFile, cellSites: sites });
}
