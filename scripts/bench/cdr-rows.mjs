// Deterministic AT&T-style call-detail rows for the benchmark files (CSV and XLSX share this).
//
// Layout copies ../shared/fixtures/cdr/att-1.csv: a four-line preamble, a blank line, the header
// `Item,Conn. Date,Conn. Time,Seizure Time,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,
// Feature,Cell Location`, then rows of ~100 bytes. The data repeats the way a real subpoena
// return does (one target, a few hundred counterparties with a skewed call frequency, one handset),
// while every row stays distinct after normalization: the connection time strictly increases, so
// no row dedupes by accident and a second upload of the same file is 100 % duplicates.
import path from "node:path";
import { fileURLToPath } from "node:url";

/** mulberry32: a tiny, fast, seedable PRNG, so the same seed always yields the same bytes. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const HEADER = ["Item", "Conn. Date", "Conn. Time", "Seizure Time", "ET", "Originating Number", "Terminating Number", "IMEI", "IMSI", "CT", "Feature", "Cell Location"];

// Real US area codes, so phone validation (libphonenumber) accepts every generated number.
export const AREA_CODES = [
  "212",
  "213",
  "214",
  "202",
  "206",
  "303",
  "305",
  "310",
  "312",
  "347",
  "404",
  "415",
  "469",
  "503",
  "504",
  "602",
  "615",
  "617",
  "646",
  "702",
  "703",
  "704",
  "713",
  "718",
  "720",
  "804",
  "832",
  "901",
  "917",
  "919",
];

const pad2 = (n) => (n < 10 ? "0" : "") + n;

/**
 * A generator of rows. `rows(count)` yields arrays of 12 strings; the target, counterparties and
 * handset derive only from the seed.
 */
export function createCdrGenerator({ seed = 20240301, counterparties = 300 } = {}) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Exchange 200–999 without N11 service codes or 555: always a valid, dialable US number.
  const usNumber = () => {
    let exch;
    do exch = int(200, 999);
    while (exch % 100 === 11 || exch === 555);
    return AREA_CODES[int(0, AREA_CODES.length - 1)] + exch + String(int(0, 9999)).padStart(4, "0");
  };

  const target = "713" + "353" + "7623"; // the same subscriber as att-1.csv
  const imei = "814901191455192";
  const imsi = "310287764668549";
  const others = [];
  const seen = new Set([target]);
  while (others.length < counterparties) {
    // ~1 % international counterparties (German mobiles +49 151 …), written with the 011 prefix as AT&T does.
    const n = others.length % 100 === 7 ? "01149151" + String(int(0, 99999999)).padStart(8, "0") : usNumber();
    if (!seen.has(n)) (seen.add(n), others.push(n));
  }
  // Zipf-like weights: a handful of contacts dominate, the long tail appears a few times.
  const cumulative = [];
  let sum = 0;
  for (let i = 0; i < others.length; i++) cumulative.push((sum += 1 / (i + 1)));
  const pickOther = () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return others[lo];
  };
  const cells = Array.from({ length: 40 }, () => String(int(10000, 59999)));
  const features = ["[]", "[]", "[]", "[CFU]", "[VM]"];

  const preamble = ["AT&T Subpoena Compliance", `Target: ${target}`, "Report Date: 03/01/2024", "All times shown in UTC"];

  function* rows(count) {
    // Start 2023-01-01 UTC; gaps of 1–40 s keep times strictly increasing (unique rows) and fit
    // 10M rows in ~6.5 years, so two-digit years stay unambiguous.
    let t = Date.UTC(2023, 0, 1) / 1000;
    const d = new Date(0);
    for (let i = 1; i <= count; i++) {
      t += int(1, 40);
      d.setTime(t * 1000);
      const date = pad2(d.getUTCMonth() + 1) + "/" + pad2(d.getUTCDate()) + "/" + pad2(d.getUTCFullYear() % 100);
      const time = pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) + ":" + pad2(d.getUTCSeconds());
      const r = rnd();
      // Mix seen in att-1.csv: ~43 % MT, ~27 % MO, ~17 % SMSMT, ~13 % SMSMO.
      const ct = r < 0.43 ? "MT" : r < 0.7 ? "MO" : r < 0.87 ? "SMSMT" : "SMSMO";
      const sms = ct.startsWith("SMS");
      const outgoing = ct === "MO" || ct === "SMSMO";
      const other = pickOther();
      // Voice durations: mostly short, some long (exponential, capped under an hour, M:SS).
      const secs = sms ? 0 : Math.min(3599, Math.floor(-Math.log(1 - rnd()) * 240) + 1);
      const et = Math.floor(secs / 60) + ":" + pad2(secs % 60);
      yield [
        String(i),
        date,
        time,
        "0:0" + int(1, 9),
        et,
        outgoing ? target : other,
        outgoing ? other : target,
        imei,
        imsi,
        ct,
        features[int(0, features.length - 1)],
        cells[int(0, cells.length - 1)] + "-" + int(1, 3),
      ];
    }
  }

  return { target, preamble, header: HEADER, rows };
}

/**
 * The command line shared by the generator scripts: `--rows N --out FILE [--seed S]` → writer.
 * Runs only when `moduleUrl` is the script node was started with (the scripts are also imported).
 */
export async function runGeneratorCli(moduleUrl, usage, writer) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return;
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith("--")) args[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[++i] : "true";
  }
  const rows = Number(args.rows);
  if (!Number.isInteger(rows) || rows < 1 || !args.out) {
    process.stderr.write(`usage: ${usage}\n`);
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await writer({ rows, out: args.out, seed: args.seed ? Number(args.seed) : undefined });
  process.stderr.write(`wrote ${args.out}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
