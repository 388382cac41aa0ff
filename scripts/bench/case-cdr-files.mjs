// Deterministic AT&T-style CDR files for one case of many targets (the analytics bench, issue 21).
//
// scripts/bench/cdr-rows.mjs writes one fixed target with its own counterparties; a case needs
// several targets that share contacts. Here: T targets (distinct valid US numbers), one file per
// target in the same layout as ../shared/fixtures/cdr/att-1.csv (preamble with `Target:`, blank
// line, the 12-column header, CRLF). Rows are split over the targets with a skewed weight
// (1/√rank: with 50 targets the busiest has ~8 % of the rows, the quietest ~1 %). Counterparties
// come from one pool shared by the case: each target draws from its own ~300 (Zipf-like frequency),
// 40 of them from a common set of 60 every target may reach, plus now and then another
// target (target-to-target calls). Each target uses 1–3 handsets (IMEI changes, one SIM change),
// and its times follow a day/night rhythm (busy afternoons, quiet nights) over ~6 months, strictly
// increasing within a file so no row dedupes by accident.
//
// usage: node scripts/bench/case-cdr-files.mjs --rows N --targets T --out DIR [--seed S]
import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { HEADER, mulberry32 } from "./cdr-rows.mjs";

const AREA_CODES = ["212", "202", "206", "303", "305", "310", "312", "347", "404", "415", "469", "503", "602", "617", "646", "702", "713", "718", "720", "832", "917", "919"];
// Relative activity per UTC hour (a US evening in UTC: low 06–12 UTC, high 16–02 UTC).
const HOUR_WEIGHT = [6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8, 7, 7];
const pad2 = (n) => (n < 10 ? "0" : "") + n;

/** The case's numbers: targets, the shared pool, and each target's own counterparties. */
function caseNumbers(rnd, targets) {
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const seen = new Set();
  const fresh = () => {
    for (;;) {
      let exch;
      do exch = int(200, 999);
      while (exch % 100 === 11 || exch === 555);
      const n = AREA_CODES[int(0, AREA_CODES.length - 1)] + exch + String(int(0, 9999)).padStart(4, "0");
      if (!seen.has(n)) return (seen.add(n), n);
    }
  };
  const targetNumbers = Array.from({ length: targets }, fresh);
  const shared = Array.from({ length: 60 }, fresh);
  return { targetNumbers, shared, fresh, int };
}

/**
 * Writes the files into `out` (created); resolves to { files: [{ file, target, rows }], rows, bytes }.
 * `startMs` is the first day of the period (default 2024-01-01 UTC).
 */
export async function writeCaseCdrFiles({ rows, targets, out, seed = 20240521, startMs = Date.UTC(2024, 0, 1) }) {
  const rnd = mulberry32(seed);
  const { targetNumbers, shared, fresh, int } = caseNumbers(rnd, targets);
  const weights = targetNumbers.map((_, i) => 1 / Math.sqrt(i + 1));
  const wsum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((rows * w) / wsum));
  counts[0] += rows - counts.reduce((a, b) => a + b, 0);
  fs.mkdirSync(out, { recursive: true });
  const files = [];
  let bytes = 0;
  const hourSum = HOUR_WEIGHT.reduce((a, b) => a + b, 0);
  for (let ti = 0; ti < targets; ti++) {
    const target = targetNumbers[ti];
    const n = counts[ti];
    // 300 counterparties: 40 of the 60 shared numbers, the rest its own; Zipf-like weights.
    const others = [];
    const picked = new Set([target]);
    while (others.length < 40) {
      const s = shared[int(0, shared.length - 1)];
      if (!picked.has(s)) (picked.add(s), others.push(s));
    }
    while (others.length < 300) others.push(fresh());
    for (let k = others.length - 1; k > 0; k--) {
      const j = int(0, k);
      [others[k], others[j]] = [others[j], others[k]];
    }
    const cumulative = [];
    let sum = 0;
    for (let i = 0; i < others.length; i++) cumulative.push((sum += 1 / (i + 1)));
    const pickOther = () => {
      if (targets > 1 && rnd() < 0.02) {
        const o = targetNumbers[int(0, targets - 1)];
        if (o !== target) return o;
      }
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
    // Handsets: 1–3 IMEIs, switching at even fractions of the file; the SIM changes once for some.
    const imeis = Array.from({ length: int(1, 3) }, () => "35" + String(int(0, 999999999999)).padStart(12, "0") + int(0, 9));
    const imsis = Array.from({ length: rnd() < 0.3 ? 2 : 1 }, () => "310410" + String(int(0, 999999999)).padStart(9, "0"));
    const cells = Array.from({ length: 30 }, () => String(int(10000, 59999)));
    // ~6 months whatever the row count: the mean gap makes n rows span ~182 days.
    const meanGap = (182 * 86400) / Math.max(1, n);
    const file = path.join(out, `target-${String(ti + 1).padStart(3, "0")}-${target}.csv`);
    const stream = fs.createWriteStream(file);
    let chunk = ["AT&T Subpoena Compliance", `Target: ${target}`, "Report Date: 07/01/2024", "All times shown in UTC"].join("\r\n") + "\r\n\r\n" + HEADER.join(",") + "\r\n";
    let t = startMs / 1000 + int(0, 86399);
    const d = new Date(0);
    for (let i = 1; i <= n; i++) {
      // Gaps stretch at quiet hours and shrink at busy ones (mean ≈ meanGap), never below 1 s.
      const hw = HOUR_WEIGHT[Math.floor(t / 3600) % 24] / (hourSum / 24);
      t += Math.max(1, Math.round((-Math.log(1 - rnd()) * meanGap) / hw));
      d.setTime(t * 1000);
      const date = pad2(d.getUTCMonth() + 1) + "/" + pad2(d.getUTCDate()) + "/" + pad2(d.getUTCFullYear() % 100);
      const time = pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) + ":" + pad2(d.getUTCSeconds());
      const r = rnd();
      const ct = r < 0.43 ? "MT" : r < 0.7 ? "MO" : r < 0.87 ? "SMSMT" : "SMSMO";
      const outgoing = ct === "MO" || ct === "SMSMO";
      const other = pickOther();
      const secs = ct.startsWith("SMS") ? 0 : Math.min(3599, Math.floor(-Math.log(1 - rnd()) * 240) + 1);
      const phase = Math.min(imeis.length - 1, Math.floor((i / n) * imeis.length));
      const sim = Math.min(imsis.length - 1, Math.floor((i / n) * imsis.length));
      chunk +=
        [
          i,
          date,
          time,
          "0:0" + int(1, 9),
          Math.floor(secs / 60) + ":" + pad2(secs % 60),
          outgoing ? target : other,
          outgoing ? other : target,
          imeis[phase],
          imsis[sim],
          ct,
          "[]",
          cells[Math.floor(rnd() * rnd() * cells.length)] + "-" + int(1, 3),
        ].join(",") + "\r\n";
      if (chunk.length >= 1 << 20) {
        bytes += chunk.length;
        if (!stream.write(chunk)) await once(stream, "drain");
        chunk = "";
      }
    }
    bytes += chunk.length;
    stream.end(chunk);
    await once(stream, "finish");
    files.push({ file, target, rows: n, imeis, cells });
  }
  return { files, rows, bytes };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = {};
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith("--")) args[argv[i].slice(2)] = argv[i + 1];
  const rows = Number(args.rows);
  const targets = Number(args.targets ?? 50);
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(targets) || targets < 1 || !args.out) {
    process.stderr.write("usage: node scripts/bench/case-cdr-files.mjs --rows N --targets T --out DIR [--seed S]\n");
    process.exit(2);
  }
  const t0 = performance.now();
  const r = await writeCaseCdrFiles({ rows, targets, out: args.out, seed: args.seed ? Number(args.seed) : undefined });
  process.stderr.write(`wrote ${r.files.length} files into ${args.out}: ${r.rows} rows, ${(r.bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
