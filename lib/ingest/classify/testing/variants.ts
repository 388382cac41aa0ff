import type { TableSample } from "../../types";
import type { CdrTruth } from "../../../../tests/support/corpora";
import { ENGLISH, FRENCH, GERMAN, PORTUGUESE_ITALIAN, SILENT_PHONES, SPANISH, TERSE, type Wordings } from "./header-wordings";

export interface Variant {
  name: string;
  sample: TableSample;
  /** Truth field per column (after any shuffle); null = nothing. */
  fields: (string | null)[];
  /** A person must look at this file. */
  mustReview: boolean;
  /** Review is acceptable but not required (e.g. a translated file lost its carrier default zone). */
  mayReview: boolean;
  carrier?: string;
  zone?: string | null;
}

const ZONE_LINE = /time|zone|zeit/i;

function reword(sample: TableSample, fields: (string | null)[], words: Wordings, seed: number): TableSample {
  const headers = sample.headers.map((h, i) => {
    const f = fields[i];
    const list = f ? words[f] : undefined;
    return list && list.length ? list[(seed + i) % list.length]! : h;
  });
  return { ...sample, headers };
}

/** Deterministic permutation (a small LCG) so failures reproduce. */
function permutation(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let s = seed * 7919 + 17;
  for (let i = n - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function shuffle(sample: TableSample, fields: (string | null)[], seed: number): [TableSample, (string | null)[]] {
  const order = permutation(sample.headers.length, seed);
  const pick = <T>(xs: T[]) => order.map((i) => xs[i]!);
  const rows = sample.sampleRows.map((r) => ({ ...r, cells: pick(r.cells) }));
  return [{ ...sample, headers: pick(sample.headers), sampleRows: rows }, pick(fields)];
}

function withZoneLine(sample: TableSample, line: string): TableSample {
  return { ...sample, preamble: [...sample.preamble.filter((l) => !ZONE_LINE.test(l)), line] };
}

/** The fixture file in the shapes the product also meets. */
export function variantsOf(truth: CdrTruth, base: TableSample, seed: number): Variant[] {
  const fields = truth.columns.map((c) => c.field);
  const review = truth.expect_review;
  // Files whose zone comes only from the carrier's default lose it when the carrier cannot be told.
  const zoneFromCarrierOnly = !base.preamble.some((l) => ZONE_LINE.test(l)) && truth.carrier !== "unknown";
  const out: Variant[] = [];
  const add = (name: string, sample: TableSample, f: (string | null)[], v: Partial<Variant> = {}) =>
    out.push({ name: `${truth.file}:${name}`, sample, fields: f, mustReview: review, mayReview: false, ...v });
  add("original-shuffled", ...shuffle(base, fields, seed), { carrier: truth.carrier });
  add("english", reword(base, fields, ENGLISH, seed), fields, { mayReview: zoneFromCarrierOnly });
  const [shuffledEnglish, shuffledFields] = shuffle(reword(base, fields, ENGLISH, seed + 1), fields, seed + 3);
  add("english-shuffled", shuffledEnglish, shuffledFields, { mayReview: zoneFromCarrierOnly });
  add("german", reword(base, fields, GERMAN, seed), fields, { mayReview: zoneFromCarrierOnly });
  add("spanish", reword(base, fields, SPANISH, seed), fields, { mayReview: zoneFromCarrierOnly });
  add("french", reword(base, fields, FRENCH, seed), fields, { mayReview: zoneFromCarrierOnly });
  add("terse", reword(base, fields, TERSE, seed), fields, { mayReview: zoneFromCarrierOnly });
  add("terse-shuffled", ...shuffle(reword(base, fields, TERSE, seed + 2), fields, seed + 5), { mayReview: zoneFromCarrierOnly });
  add("portuguese-italian", reword(base, fields, PORTUGUESE_ITALIAN, seed), fields, { mayReview: zoneFromCarrierOnly });
  add("silent-phones", reword(base, fields, SILENT_PHONES, seed), fields, { mayReview: true });
  add("headerless", { ...base, headerLine: null, headers: base.headers.map(() => "") }, fields, { mustReview: true });
  const hasOffsets = base.sampleRows.some((r) => r.cells.some((c) => /T\d\d:\d\d:\d\d[+-]\d\d:\d\d$/.test(c)));
  const eastern = hasOffsets ? null : "America/New_York";
  add("zone-eastern", withZoneLine(base, "All times Eastern"), fields, { mustReview: false, zone: eastern, carrier: truth.carrier });
  add("zone-german-utc", withZoneLine(base, "Zeitzone: UTC"), fields, { mustReview: false, zone: hasOffsets ? null : "UTC", carrier: truth.carrier });
  if (!hasOffsets && !["att", "tmobile", "verizon"].includes(truth.carrier)) {
    add("zone-removed", { ...base, preamble: base.preamble.filter((l) => !ZONE_LINE.test(l)) }, fields, { mustReview: true, zone: null });
  }
  const callerIdx = fields.indexOf("caller");
  if (callerIdx >= 0) {
    const names = ["Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Eve Black"];
    const rows = base.sampleRows.map((r, k) => ({ ...r, cells: r.cells.map((c, i) => (i === callerIdx ? names[k % names.length]! : c)) }));
    add("caller-names", { ...base, sampleRows: rows }, fields, { mustReview: true });
  }
  return out;
}

/** A table that has nothing to do with calls: it must not be taken for a carrier file. */
export function inventoryVariant(): Variant {
  const headers = ["SKU", "Description", "Qty", "Unit Price", "Warehouse", "Last Updated"];
  const sampleRows = Array.from({ length: 60 }, (_, k) => {
    const cells = [`SKU-${1000 + k}`, `Widget ${k}`, String((k * 37) % 500), `${(k % 40) + 0.99}`, `WH${k % 3}`, `2023-0${(k % 9) + 1}-1${k % 10}`];
    return { line: k + 2, cells, raw: cells.join(",") };
  });
  const sample: TableSample = { format: "text", encoding: "utf-8", delimiter: ",", preamble: [], headerLine: 1, headers, sampleRows, warnings: [] };
  return { name: "inventory", sample, fields: headers.map(() => null), mustReview: true, mayReview: false, carrier: "unknown" };
}
