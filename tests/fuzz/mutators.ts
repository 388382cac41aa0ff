import type { Rng } from "./prng";
import type { Seed, SeedKind } from "./seeds";

/**
 * Mutation kinds. Each takes a well-formed seed and returns hostile bytes; `applies` says which
 * seeds it makes sense for (a broken xref only means something in a PDF).
 */
export interface Mutator {
  kind: string;
  applies: (k: SeedKind) => boolean;
  mutate: (seed: Seed, rng: Rng) => Buffer;
}

const any = () => true;
const INTERESTING = [0x00, 0xff, 0x0a, 0x0d, 0x2c, 0x22, 0x09, 0x7c, 0x3b, 0x80, 0xc3, 0xef, 0xfe, 0x7b, 0x5b];

function bitFlip(seed: Seed, rng: Rng): Buffer {
  const b = Buffer.from(seed.bytes);
  for (let n = rng.range(1, 32); n > 0 && b.length > 0; n--) {
    const i = rng.int(b.length);
    b[i] = b[i]! ^ (1 << rng.int(8));
  }
  return b;
}

function byteSet(seed: Seed, rng: Rng): Buffer {
  const b = Buffer.from(seed.bytes);
  for (let n = rng.range(1, 64); n > 0 && b.length > 0; n--) b[rng.int(b.length)] = rng.pick(INTERESTING);
  return b;
}

function truncate(seed: Seed, rng: Rng): Buffer {
  return seed.bytes.subarray(0, rng.int(seed.bytes.length + 1));
}

function spliceRandom(seed: Seed, rng: Rng): Buffer {
  const at = rng.int(seed.bytes.length + 1);
  return Buffer.concat([seed.bytes.subarray(0, at), rng.bytes(rng.range(1, 4096)), seed.bytes.subarray(at)]);
}

function chunkRepeat(seed: Seed, rng: Rng): Buffer {
  const a = rng.int(seed.bytes.length + 1);
  const len = Math.min(seed.bytes.length - a, rng.range(1, 2048));
  const chunk = seed.bytes.subarray(a, a + len);
  const parts = [seed.bytes.subarray(0, a)];
  for (let n = rng.range(2, 200); n > 0; n--) parts.push(chunk);
  parts.push(seed.bytes.subarray(a));
  return Buffer.concat(parts);
}

const MAGIC = ["", "PK\x03\x04", "%PDF-1.7\n", "{", "[", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "\xEF\xBB\xBF", "\xFF\xFE", "MZ", "\x1F\x8B"];

function randomBytes(_seed: Seed, rng: Rng): Buffer {
  return Buffer.concat([Buffer.from(rng.pick(MAGIC), "latin1"), rng.bytes(rng.range(0, 65536))]);
}

/** A line of 0.5–3 MB with no newline inside, dropped into the middle of the file. */
function hugeLine(seed: Seed, rng: Rng): Buffer {
  const text = seed.bytes.toString("latin1");
  const nl = text.indexOf("\n", rng.int(Math.max(1, text.length)));
  const at = nl < 0 ? text.length : nl + 1;
  const unit = rng.pick(["A", "1,", "\t9", '"x""', "€"]);
  const line = unit.repeat(Math.ceil(rng.range(512 * 1024, 3 * 1024 * 1024) / unit.length));
  return Buffer.concat([seed.bytes.subarray(0, at), Buffer.from(line, "utf8"), Buffer.from("\n"), seed.bytes.subarray(at)]);
}

/** A quote opened and never closed: the rest of the file becomes one field. */
function unclosedQuote(seed: Seed, rng: Rng): Buffer {
  const at = rng.int(seed.bytes.length + 1);
  return Buffer.concat([seed.bytes.subarray(0, at), Buffer.from('"'), seed.bytes.subarray(at)]);
}

/** A header row thousands of columns wide. */
function wideHeader(seed: Seed, rng: Rng): Buffer {
  const n = rng.range(2000, 20000);
  const sep = rng.pick([",", "\t", "|"]);
  const header = Array.from({ length: n }, (_, i) => `col${i}`).join(sep);
  const row = Array.from({ length: n }, (_, i) => String(i % 10)).join(sep);
  return rng.next() < 0.5 ? Buffer.from(`${header}\n${row}\n${row}\n`) : Buffer.concat([Buffer.from(`${header}\n`), seed.bytes]);
}

/** Nesting from a few hundred to a few hundred thousand levels, sometimes unbalanced. */
function deepJson(_seed: Seed, rng: Rng): Buffer {
  const depth = rng.pick([65, 500, 5000, 100_000, 400_000]);
  const open = rng.pick(["[", '{"a":']);
  const close = open === "[" ? "]" : "}";
  const balanced = rng.next() < 0.7;
  const wrap = rng.next() < 0.5;
  const body = open.repeat(depth) + "1" + (balanced ? close.repeat(depth) : "");
  return Buffer.from(wrap ? `{"records":[{"Caller":"+13125550100","x":${body}}]}` : body);
}

/** A JSON record holding one multi-megabyte string, or a huge flat array of tiny records. */
function hugeJsonValue(_seed: Seed, rng: Rng): Buffer {
  if (rng.next() < 0.5) return Buffer.from(`[{"Calling Number":"+13125550100","Note":"${"x".repeat(rng.range(1, 4) * 1024 * 1024)}"}]`);
  const n = rng.range(5_000, 20_000);
  return Buffer.from(`[${Array.from({ length: n }, (_, i) => `{"k${i % 5000}":${i}}`).join(",")}]`);
}

/** The end-of-central-directory record and the central directory of a zip (xlsx). */
function zipDirectory(seed: Seed, rng: Rng): Buffer {
  const b = Buffer.from(seed.bytes);
  const eocd = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return bitFlip(seed, rng);
  const dirOffset = b.readUInt32LE(eocd + 16);
  const dirSize = b.readUInt32LE(eocd + 12);
  switch (rng.int(6)) {
    case 0: // garbage over part of the central directory
      for (let n = rng.range(1, 40); n > 0; n--) b[Math.min(b.length - 1, dirOffset + rng.int(Math.max(1, dirSize)))] = rng.int(256);
      return b;
    case 1: // directory offset or size pointing elsewhere
      b.writeUInt32LE(rng.pick([0, 0xffffffff, rng.int(b.length), dirOffset + 1]), eocd + (rng.next() < 0.5 ? 16 : 12));
      return b;
    case 2: // entry counts that lie
      b.writeUInt16LE(rng.int(65536), eocd + 8);
      b.writeUInt16LE(rng.int(65536), eocd + 10);
      return b;
    case 3: {
      // one entry's sizes, method or local-header offset changed
      const entries: number[] = [];
      for (let p = dirOffset; p + 46 <= eocd; p++) if (b.readUInt32LE(p) === 0x02014b50) entries.push(p);
      if (entries.length === 0) return b;
      const p = rng.pick(entries);
      const field = rng.pick([10, 20, 24, 28, 42]);
      if (field === 10 || field === 28) b.writeUInt16LE(rng.pick([0, 1, 12, 99, 0xffff]), p + field);
      else b.writeUInt32LE(rng.pick([0, 1, 0xffffffff, rng.int(0x7fffffff)]), p + field);
      return b;
    }
    case 4: // the directory cut off
      return b.subarray(0, dirOffset + rng.int(Math.max(1, b.length - dirOffset)));
    default: // the deflate data of the members corrupted, directory intact
      for (let n = rng.range(1, 20); n > 0; n--) b[rng.int(Math.max(1, dirOffset))] = rng.int(256);
      return b;
  }
}

/** The xref table, trailer and startxref of a PDF. */
function pdfXref(seed: Seed, rng: Rng): Buffer {
  let text = seed.bytes.toString("latin1");
  switch (rng.int(6)) {
    case 0:
      return Buffer.from(text.replace(/startxref\s+\d+/, `startxref\n${rng.pick([0, 1, 999999999, rng.int(text.length)])}`), "latin1");
    case 1: // offsets in the table shifted
      return Buffer.from(
        text.replace(/(\d{10}) (\d{5}) n/g, (m, off: string, gen: string) =>
          rng.next() < 0.5 ? `${String((Number(off) + rng.range(1, 400)) % 1e10).padStart(10, "0")} ${gen} n` : m,
        ),
        "latin1",
      );
    case 2:
      return Buffer.from(text.replace(/\bxref\b/, "xrfe").replace(/trailer/, "trailre"), "latin1");
    case 3: {
      // cut inside the table
      const x = text.lastIndexOf("xref");
      return Buffer.from(text.slice(0, x < 0 ? rng.int(text.length) : x + rng.int(Math.max(1, text.length - x))), "latin1");
    }
    case 4: // /Size and /Root lying
      text = text.replace(/\/Size \d+/, `/Size ${rng.pick([0, 1, 100000, 2147483647])}`).replace(/\/Root \d+ 0 R/, `/Root ${rng.range(0, 50)} 0 R`);
      return Buffer.from(text, "latin1");
    default: // stream lengths lying
      return Buffer.from(
        text.replace(/\/Length \d+/g, (m) => (rng.next() < 0.5 ? `/Length ${rng.pick([0, 1, 99999999])}` : m)),
        "latin1",
      );
  }
}

/** Invalid UTF-8, a BOM that lies about the encoding, NULs inside text. */
function encodingMix(seed: Seed, rng: Rng): Buffer {
  const parts: Buffer[] = [];
  if (rng.next() < 0.5)
    parts.push(
      Buffer.from(
        rng.pick([
          [0xff, 0xfe],
          [0xfe, 0xff],
          [0xef, 0xbb, 0xbf],
        ]),
      ),
    );
  const b = Buffer.from(seed.bytes);
  for (let n = rng.range(1, 50); n > 0 && b.length > 0; n--) b[rng.int(b.length)] = rng.pick([0x00, 0x80, 0xc0, 0xf8, 0xed]);
  parts.push(b);
  return Buffer.concat(parts);
}

export const MUTATORS: Mutator[] = [
  { kind: "bit-flip", applies: any, mutate: bitFlip },
  { kind: "byte-set", applies: any, mutate: byteSet },
  { kind: "truncate", applies: any, mutate: truncate },
  { kind: "splice-random", applies: any, mutate: spliceRandom },
  { kind: "chunk-repeat", applies: any, mutate: chunkRepeat },
  { kind: "random-bytes", applies: any, mutate: randomBytes },
  { kind: "huge-line", applies: (k) => k === "text" || k === "json", mutate: hugeLine },
  { kind: "unclosed-quote", applies: (k) => k === "text", mutate: unclosedQuote },
  { kind: "wide-header", applies: (k) => k === "text", mutate: wideHeader },
  { kind: "deep-json", applies: (k) => k === "json", mutate: deepJson },
  { kind: "huge-json-value", applies: (k) => k === "json", mutate: hugeJsonValue },
  { kind: "zip-directory", applies: (k) => k === "xlsx", mutate: zipDirectory },
  { kind: "pdf-xref", applies: (k) => k === "pdf", mutate: pdfXref },
  { kind: "encoding-mix", applies: (k) => k === "text", mutate: encodingMix },
];

/** Case `i` of the plan: kinds rotate so each gets its share whatever the total; heavy kinds are rarer. */
const HEAVY = new Set(["huge-line", "wide-header", "huge-json-value", "deep-json"]);
export function planCase(i: number, seeds: Seed[], rng: Rng): { mutator: Mutator; seed: Seed } {
  for (;;) {
    const mutator = MUTATORS[i % MUTATORS.length]!;
    i++;
    if (HEAVY.has(mutator.kind) && rng.next() < 0.75) continue;
    const fits = seeds.filter((s) => mutator.applies(s.kind));
    if (fits.length > 0) return { mutator, seed: rng.pick(fits) };
  }
}
