import { describe, expect, it } from "vitest";
import type { CopyValue } from "./pg-copy";
import { csvChunks, writeValues } from "./pg-csv-encoder";

/** The encoding as it was written with strings before the byte encoder: the reference. */
function referenceField(v: CopyValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return String(v);
  return `"${v.replace(/\u0000/g, "").replace(/"/g, '""')}"`;
}
const reference = (rows: CopyValue[][]) => Buffer.from(rows.map((r) => r.map(referenceField).join(",") + "\n").join(""), "utf8");
const encoded = (rows: CopyValue[][]) => Buffer.concat([...csvChunks(rows, writeValues)]);

describe("CsvEncoder (COPY csv bytes)", () => {
  it("writes every kind of value as the string encoding did, byte for byte", () => {
    const rows: CopyValue[][] = [
      ["plain", "", null, undefined, 0, -12, 3.5, 1e21],
      ['say "hi"', "a,b", "two\nlines", "cr\r\n", "nul\u0000inside", '"', '""', "\u0000"],
      ["café", "中文", "emoji 📞 +1", 'after é a "quote" and \u0000 a NUL', "lone \ud800 surrogate", "\udfff", "é"],
      ["+12125550147", "2024-01-01T00:00:05Z", 42, "e164", null],
    ];
    expect(encoded(rows).equals(reference(rows))).toBe(true);
  });

  it("splits at ~1 MB chunks without losing or reusing bytes, and grows for a value longer than a chunk", () => {
    const rows: CopyValue[][] = [];
    for (let i = 0; i < 80_000; i++) rows.push([i, `+1212555${String(i).padStart(4, "0")}`, i % 7 === 0 ? 'x"y' : "z", i % 11 === 0 ? "ü" : null]);
    rows.splice(12_345, 0, ["long", "é".repeat(700_000), "a".repeat(1_500_000)]);
    const chunks = [...csvChunks(rows, writeValues)];
    expect(chunks.length).toBeGreaterThan(2);
    // Each chunk is its own memory: a later chunk never overwrote an earlier one.
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(Buffer.concat(chunks).equals(reference(rows))).toBe(true);
  });

  it("writes nothing for no rows", () => {
    expect([...csvChunks([], writeValues)]).toEqual([]);
  });
});
