#!/usr/bin/env node
// The other file shapes `npm run bench` loads beside its default CSV (issue 20: "bench every file
// shape"). The default file (cdr-rows.mjs) is the easy case: one target, ~300 counterparties, rows in
// time order. Each shape here changes one of those and keeps the AT&T layout (preamble, blank line,
// the 12-column header, CRLF), ~106 bytes a row:
//
//   distinct     one target; every row a different counterparty (a tower dump, a multi-target
//                delivery): nothing repeats, so caches keyed by the number never hit
//   interleaved  50 targets in one file, rows mixed (weight 1/√rank: the busiest ~8 %, the quietest
//                ~1 %), each with its own ~300 counterparties; a 13th column "Target Number" says
//                whose row it is, and the preamble names no target
//   unordered    the default file's kind of rows (one target, ~300 counterparties) in no time order:
//                row i's time is a fixed permutation of the time slots, so consecutive rows are days
//                apart and every row is still distinct
//
// Deterministic (seeded) and streamed to disk, so memory stays flat at any row count; no Set of
// numbers is kept: distinct numbers come from a bijection of the row index (see distinctNumber).
//
// usage: node scripts/bench/shape-rows.mjs --shape distinct|interleaved|unordered --rows N --out FILE [--seed S]
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { AREA_CODES, HEADER, mulberry32 } from "./cdr-rows.mjs";

export const SHAPES = ["distinct", "interleaved", "unordered"];

// Exchanges 200–999 without N11 service codes or 555: always a valid, dialable US number.
const EXCHANGES = [];
for (let e = 200; e <= 999; e++) if (e % 100 !== 11 && e !== 555) EXCHANGES.push(String(e));
const NUMBER_SPACE = AREA_CODES.length * EXCHANGES.length * 10_000; // 237,300,000
// Knuth's multiplicative-hash prime, coprime to NUMBER_SPACE (2⁵·3·5⁵·7·113): i → i·K mod M is a
// bijection, so rows 0…M−1 get M different numbers, scattered over area codes, exchanges and lines.
const SPREAD = 2_654_435_761;
const TARGET = "7133537623";
const pad2 = (n) => (n < 10 ? "0" : "") + n;

/** The i-th of NUMBER_SPACE distinct valid US numbers (a bijection of i, scattered). */
function distinctNumber(i, offset) {
  const j = Number((BigInt(i + offset) * BigInt(SPREAD)) % BigInt(NUMBER_SPACE));
  const line = j % 10_000;
  const rest = Math.floor(j / 10_000);
  return AREA_CODES[rest % AREA_CODES.length] + EXCHANGES[Math.floor(rest / AREA_CODES.length)] + String(line).padStart(4, "0");
}

/** A generator's shared pieces: the PRNG and a Zipf-weighted pick over a list of counterparties. */
function tools(seed) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const zipf = (list) => {
    const cumulative = [];
    let sum = 0;
    for (let i = 0; i < list.length; i++) cumulative.push((sum += 1 / (i + 1)));
    return () => {
      const x = rnd() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return list[lo];
    };
  };
  return { rnd, int, zipf };
}

/** One AT&T row (the 12 columns of cdr-rows.mjs) for `target` and `other` at `t` (seconds, UTC). */
function row({ rnd, int }, i, t, target, other, handset, cells) {
  const d = new Date(t * 1000);
  const date = pad2(d.getUTCMonth() + 1) + "/" + pad2(d.getUTCDate()) + "/" + pad2(d.getUTCFullYear() % 100);
  const time = pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) + ":" + pad2(d.getUTCSeconds());
  const r = rnd();
  const ct = r < 0.43 ? "MT" : r < 0.7 ? "MO" : r < 0.87 ? "SMSMT" : "SMSMO";
  const sms = ct.startsWith("SMS");
  const outgoing = ct === "MO" || ct === "SMSMO";
  const secs = sms ? 0 : Math.min(3599, Math.floor(-Math.log(1 - rnd()) * 240) + 1);
  return [
    String(i),
    date,
    time,
    "0:0" + int(1, 9),
    Math.floor(secs / 60) + ":" + pad2(secs % 60),
    outgoing ? target : other,
    outgoing ? other : target,
    handset.imei,
    handset.imsi,
    ct,
    ["[]", "[]", "[]", "[CFU]", "[VM]"][int(0, 4)],
    cells[int(0, cells.length - 1)] + "-" + int(1, 3),
  ];
}

/** Yields the file's lines (without line ends): preamble, blank, header, rows. */
export function* shapeLines({ shape, rows, seed, target = TARGET }) {
  if (!SHAPES.includes(shape)) throw new Error(`unknown shape ${shape} (one of ${SHAPES.join(", ")})`);
  const tl = tools(seed);
  const { int } = tl;
  const cells = Array.from({ length: 40 }, () => String(int(10000, 59999)));
  const handset = { imei: "814901191455192", imsi: "310287764668549" };
  const title = ["AT&T Subpoena Compliance"];
  const t0 = Date.UTC(2023, 0, 1) / 1000;

  if (shape === "interleaved") {
    const targets = Array.from({ length: 50 }, (_, k) => distinctNumber(k, seed * 7919));
    // Each target's own counterparties come from another stretch of the bijection: no overlap.
    const picks = targets.map((_, k) => tl.zipf(Array.from({ length: 300 }, (_, c) => distinctNumber(1_000 + k * 300 + c, seed * 7919))));
    const handsets = targets.map((_, k) => ({ imei: String(814901191400000 + k * 17), imsi: String(310287764600000 + k * 31) }));
    const weights = targets.map((_, k) => 1 / Math.sqrt(k + 1));
    const cumulative = [];
    let sum = 0;
    for (const w of weights) cumulative.push((sum += w));
    yield* [...title, `Targets: ${targets.length} numbers (see Target Number)`, "Report Date: 03/01/2024", "All times shown in UTC", "", [...HEADER, "Target Number"].join(",")];
    let t = t0;
    for (let i = 1; i <= rows; i++) {
      t += int(1, 40);
      const x = tl.rnd() * sum;
      let k = 0;
      while (cumulative[k] < x) k++;
      yield [...row(tl, i, t, targets[k], picks[k](), handsets[k], cells), targets[k]].join(",");
    }
    return;
  }

  yield* [...title, `Target: ${target}`, "Report Date: 03/01/2024", "All times shown in UTC", "", HEADER.join(",")];
  if (shape === "distinct") {
    let t = t0;
    for (let i = 1; i <= rows; i++) {
      t += int(1, 40);
      // ~1 % international (German mobiles, written 011 49 151 … as AT&T does), also all different.
      // Offset seed × 10M: files of up to 10M rows with different seeds share no counterparty.
      let other = i % 100 === 7 ? "01149151" + String((i * 7_919 + seed) % 100_000_000).padStart(8, "0") : distinctNumber(i, seed * 10_000_000);
      if (other === target) other = distinctNumber(i + NUMBER_SPACE / 2, seed * 10_000_000);
      yield row(tl, i, t, target, other, handset, cells).join(",");
    }
    return;
  }
  // unordered: row i takes time slot P(i) of `rows` slots 20 s apart, P(i) = i·K mod rows with K
  // coprime to rows (a permutation), plus 0–19 s inside the slot: no two rows share a time.
  const pick = tl.zipf(Array.from({ length: 300 }, (_, c) => distinctNumber(c, seed)));
  let k = 7_919;
  while (gcd(k, rows) !== 1) k++;
  for (let i = 1; i <= rows; i++) {
    const slot = Number((BigInt(i) * BigInt(k)) % BigInt(rows));
    yield row(tl, i, t0 + slot * 20 + int(0, 19), target, pick(), handset, cells).join(",");
  }
}

function gcd(a, b) {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * Writes the file (CRLF, ~1 MB writes awaiting drain); resolves to { rows, bytes }. `target`: the
 * subscriber of the one-target shapes (default 713 353 7623, as in att-1.csv).
 */
export async function writeShapeCsv({ shape, rows, out, seed = 606, target }) {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const stream = fs.createWriteStream(out);
  let bytes = 0;
  let chunk = "";
  for (const line of shapeLines({ shape, rows, seed, target })) {
    chunk += line + "\r\n";
    if (chunk.length >= 1 << 20) {
      bytes += chunk.length; // ASCII only: characters = bytes
      if (!stream.write(chunk)) await once(stream, "drain");
      chunk = "";
    }
  }
  bytes += chunk.length;
  stream.end(chunk);
  await once(stream, "finish");
  return { rows, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const arg = (n) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1] : undefined);
  const rows = Number(arg("rows"));
  if (!SHAPES.includes(arg("shape")) || !Number.isInteger(rows) || rows < 1 || !arg("out")) {
    process.stderr.write("usage: node scripts/bench/shape-rows.mjs --shape distinct|interleaved|unordered --rows N --out FILE [--seed S]\n");
    process.exit(2);
  }
  const t = performance.now();
  const r = await writeShapeCsv({ shape: arg("shape"), rows, out: arg("out"), seed: arg("seed") ? Number(arg("seed")) : undefined });
  process.stderr.write(`wrote ${arg("out")}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
}
