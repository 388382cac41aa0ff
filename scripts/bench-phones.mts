// Phone normalization without repetition (issue 20): 1M distinct numbers through the library path
// alone and through the fast path (library as fallback), rows per second for each.
// `npx tsx scripts/bench-phones.mts [--rows N]`
import { readPhone, readPhoneWithLibrary, type CountryCode } from "../lib/ingest/normalize/phone";
import { phoneSample, prng } from "../tests/support/phone-sample";

const at = process.argv.indexOf("--rows");
const rows = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;

/** Distinct US numbers as a tower dump spells them: 10 digits, 1+10, +1…, punctuated. */
function usNational(n: number): { raw: string; region: CountryCode }[] {
  const rnd = prng(7);
  const seen = new Set<string>();
  const out: { raw: string; region: CountryCode }[] = [];
  const npas = ["212", "213", "305", "312", "404", "415", "469", "512", "602", "617", "646", "702", "713", "718", "773", "818", "917", "972"];
  while (out.length < n) {
    const ten = `${npas[Math.floor(rnd() * npas.length)]}${2 + Math.floor(rnd() * 8)}${String(Math.floor(rnd() * 1e6)).padStart(6, "0")}`;
    if (seen.has(ten)) continue;
    seen.add(ten);
    const f = out.length % 4;
    const raw = f === 0 ? ten : f === 1 ? `1${ten}` : f === 2 ? `+1${ten}` : `(${ten.slice(0, 3)}) ${ten.slice(3, 6)}-${ten.slice(6)}`;
    out.push({ raw, region: "US" });
  }
  return out;
}

function measure(label: string, cases: { raw: string; region: CountryCode }[], fn: (raw: string, region: CountryCode) => unknown): number {
  const t0 = performance.now();
  let sink = 0;
  for (const c of cases) if (fn(c.raw, c.region)) sink++;
  const s = (performance.now() - t0) / 1000;
  const rate = cases.length / s;
  console.log(
    `${label.padEnd(44)} ${cases.length.toLocaleString("en-US").padStart(10)} rows  ${s.toFixed(2).padStart(6)} s  ${Math.round(rate).toLocaleString("en-US").padStart(9)} rows/s  (${sink} read)`,
  );
  return rate;
}

// Well-formed: the valid part of a larger random sample (what a multi-country delivery holds).
const wellFormed = phoneSample(Math.round(rows * 1.7), 2)
  .filter((c) => readPhone(c.raw, c.region) !== null)
  .slice(0, rows);

for (const [name, cases] of [
  ["US national, distinct", usNational(rows)],
  ["mixed regions and spellings, valid numbers", wellFormed],
  ["mixed regions and spellings, random (~35 % invalid)", phoneSample(rows, 1)],
] as const) {
  console.log(`\n${name}: ${new Set(cases.map((c) => c.raw)).size.toLocaleString("en-US")} distinct`);
  const lib = measure("library path only (before, memo misses)", cases, readPhoneWithLibrary);
  const fast = measure("fast path + library fallback (after)", cases, readPhone);
  console.log(`speed-up ${(fast / lib).toFixed(1)}×`);
}
