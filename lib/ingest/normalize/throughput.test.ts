import { describe, expect, it } from "vitest";
import type { ColumnMapping } from "../../schemas/mapping";
import type { MappableField } from "../../schemas/fields";
import type { SourceRow } from "../types";
import { compileRecordBuilder } from "./record-builder";
import { normalizePhone, parsePhoneUncached } from "./phone";
import { wallToUtcConverter } from "./zone-offset";

/**
 * Speed figures (printed to stderr). Bounds are loose (a shared 2-core machine) but still fail on a
 * regression by an order of magnitude, e.g. zod or libphonenumber on the hot path.
 */
const ATT_FIELDS: (MappableField | null)[] = ["item", "start_date", "start_clock", null, "duration_seconds", "caller", "callee", "imei", "imsi", "call_type", null, "cell_first"];
const CODES = ["MO", "MT", "SMSMO", "SMSMT"];

/** n distinct valid NANP numbers: area and exchange codes 200–999, N11 skipped. */
const AREAS = [201, 202, 212, 213, 214, 305, 312, 313, 404, 415, 416, 469, 503, 512, 514, 602, 604, 617, 646, 702, 713, 718, 773, 818, 917, 972];
function nanpNumbers(n: number, seed = 0): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const k = i + seed;
    // Assigned area codes only: an unassigned one (999, 555) is no valid number for libphonenumber.
    const area = AREAS[(k * 37) % AREAS.length] as number;
    const exchange = 200 + ((k * 101) % 800);
    if (area % 100 === 11 || exchange % 100 === 11) continue;
    out.push(`${area}${exchange}${String(k % 10000).padStart(4, "0")}`);
  }
  return out;
}
const contacts = (n: number) => nanpNumbers(n, 12345);

/** One batch of AT&T-like rows, one call every ~97 s, in increasing time. */
function attBatch(start: number, count: number, people: string[], target: string): SourceRow[] {
  const rows: SourceRow[] = [];
  for (let i = start; i < start + count; i++) {
    const t = new Date(Date.UTC(2023, 0, 1) + i * 97_000);
    const date = `${String(t.getUTCMonth() + 1).padStart(2, "0")}/${String(t.getUTCDate()).padStart(2, "0")}/${String(t.getUTCFullYear() % 100).padStart(2, "0")}`;
    const clock = `${String(t.getUTCHours()).padStart(2, "0")}:${String(t.getUTCMinutes()).padStart(2, "0")}:${String(t.getUTCSeconds()).padStart(2, "0")}`;
    const other = people[i % people.length] as string;
    const code = CODES[i % 4] as string;
    const out = code.endsWith("MO");
    const et = code.startsWith("SMS") ? "0:00" : `${i % 60}:${String(i % 60).padStart(2, "0")}`;
    const cells = [
      String(i + 1),
      date,
      clock,
      "0:05",
      et,
      out ? target : other,
      out ? other : target,
      "814901191455192",
      "310287764668549",
      code,
      "[]",
      `${10000 + (i % 50000)}-2`,
    ];
    rows.push({ line: i + 2, cells, raw: "" });
  }
  return rows;
}

describe("throughput", () => {
  it("compiled record builder on 1M AT&T-like rows (America/New_York, date + clock columns)", () => {
    const people = contacts(300);
    const target = "7133537623";
    const columns: ColumnMapping[] = ATT_FIELDS.map((field, index) => ({ index, header: `c${index}`, field, confidence: 1 }));
    const build = compileRecordBuilder({ columns, timezone: "America/New_York", target, sampleRows: attBatch(0, 200, people, target) });
    const total = 1_000_000;
    const batch = 50_000;
    let ms = 0;
    let ok = 0;
    for (let start = 0; start < total; start += batch) {
      const rows = attBatch(start, batch, people, target);
      const t0 = performance.now();
      for (const row of rows) if (build(row).ok) ok++;
      ms += performance.now() - t0;
    }
    const rate = Math.round(total / (ms / 1000));
    process.stderr.write(`[throughput] record builder: ${total} rows in ${ms.toFixed(0)} ms = ${rate} rows/s\n`);
    expect(ok).toBe(total);
    expect(rate).toBeGreaterThan(150_000);
  });

  it("phone fast path, memo hit, and zone conversion cost per call", () => {
    const n = 1_000_000;
    const distinct = nanpNumbers(n);
    let t0 = performance.now();
    let sink = 0;
    for (const s of distinct) sink += (parsePhoneUncached(s) as string).length;
    const fastNs = ((performance.now() - t0) * 1e6) / n;

    const punctuated = distinct.slice(0, 200_000).map((s) => `(${s.slice(0, 3)}) ${s.slice(3, 6)}-${s.slice(6)}`);
    t0 = performance.now();
    for (const s of punctuated) sink += (parsePhoneUncached(s) as string).length;
    const punctNs = ((performance.now() - t0) * 1e6) / punctuated.length;

    const hot = contacts(300);
    for (const s of hot) normalizePhone(s);
    t0 = performance.now();
    for (let i = 0; i < n; i++) sink += (normalizePhone(hot[i % 300] as string) as string).length;
    const memoNs = ((performance.now() - t0) * 1e6) / n;

    const intl = ["+447943096148", "011491517419161", "+919807924987", "+525532901639"];
    t0 = performance.now();
    for (let i = 0; i < 2000; i++) sink += (parsePhoneUncached(intl[i % 4] as string) as string).length;
    const libUs = ((performance.now() - t0) * 1e3) / 2000;

    const toUtc = wallToUtcConverter("America/New_York");
    if (!toUtc) throw new Error("no zone");
    const base = Date.UTC(2023, 0, 1);
    t0 = performance.now();
    for (let i = 0; i < n; i++) sink += toUtc(base + i * 97_000) % 7;
    const zoneNs = ((performance.now() - t0) * 1e6) / n;

    process.stderr.write(
      `[throughput] phone fast path (digits): ${fastNs.toFixed(0)} ns/call; fast path (punctuated): ${punctNs.toFixed(0)} ns/call; ` +
        `memo hit: ${memoNs.toFixed(0)} ns/call; libphonenumber path: ${libUs.toFixed(1)} µs/call; ` +
        `zone offset America/New_York (sorted rows, 1M over 3 years): ${zoneNs.toFixed(0)} ns/row\n`,
    );
    expect(sink).toBeGreaterThan(0);
    expect(fastNs).toBeLessThan(2000);
    expect(memoNs).toBeLessThan(1000);
    expect(zoneNs).toBeLessThan(1000);
  });
});
