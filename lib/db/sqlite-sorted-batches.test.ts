import { describe, expect, it } from "vitest";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";
import { batchStartOrder, sortedByHash } from "./sqlite-sorted-batches";

/** A batch of rows with these start seconds; each row's hash is the second in hex (as hashRecord writes it) plus a tag. */
function batch(seconds: number[], tag: string): RecordBatch {
  const values: RecordValue[] = [];
  seconds.forEach((s, i) => {
    const row: RecordValue[] = new Array(ROW_WIDTH).fill(null);
    row[COL.hash] = s.toString(16).padStart(10, "0") + `${tag}${i}`;
    row[COL.start] = new Date(s * 1000).toISOString();
    row[COL.line] = i;
    values.push(...row);
  });
  return { count: seconds.length, values };
}
const hashes = (b: RecordBatch) => Array.from({ length: b.count }, (_, i) => b.values[i * ROW_WIDTH + COL.hash] as string);

describe("sorted groups of held rows", () => {
  it("tells a batch that goes back in time from one that does not", () => {
    expect(batchStartOrder(batch([10, 20, 20, 30], "a"), null)).toEqual({ backwards: false, latest: new Date(30_000).toISOString() });
    expect(batchStartOrder(batch([40, 50], "a"), new Date(30_000).toISOString()).backwards).toBe(false);
    expect(batchStartOrder(batch([40, 25], "a"), new Date(30_000).toISOString()).backwards).toBe(true);
    expect(batchStartOrder(batch([31, 30, 32], "a"), null).backwards).toBe(true);
  });

  it("merges held batches into one, sorted by hash, every row whole", () => {
    const a = batch([1_700_000_500, 1_700_000_100, 1_700_000_300], "a");
    const b = batch([1_700_000_200, 1_700_000_100, 1_700_000_400], "b");
    const sorted = sortedByHash([a, b]);
    expect(sorted.count).toBe(6);
    const h = hashes(sorted);
    expect(h.map((x) => parseInt(x.slice(0, 10), 16))).toEqual([1_700_000_100, 1_700_000_100, 1_700_000_200, 1_700_000_300, 1_700_000_400, 1_700_000_500]);
    expect(new Set(h)).toEqual(new Set([...hashes(a), ...hashes(b)]));
    // Each row moved with all its values.
    for (let i = 0; i < sorted.count; i++) {
      const hash = sorted.values[i * ROW_WIDTH + COL.hash] as string;
      expect(sorted.values[i * ROW_WIDTH + COL.start]).toBe(new Date(parseInt(hash.slice(0, 10), 16) * 1000).toISOString());
    }
  });

  it("falls back to comparing the hashes when the seconds are out of the numeric key's range", () => {
    const far = batch([2 ** 34, 5, 2 ** 34 - 1], "z");
    expect(hashes(sortedByHash([far])).map((x) => parseInt(x.slice(0, 10), 16))).toEqual([5, 2 ** 34 - 1, 2 ** 34]);
  });
});
