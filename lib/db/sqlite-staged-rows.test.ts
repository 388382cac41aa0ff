import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";
import { StagedRows } from "./sqlite-staged-rows";

/** A batch of rows with these start seconds; each row's hash is the second in hex (as hashRecord writes it) plus a tag. */
function batch(seconds: number[], tag: string): RecordBatch {
  const values: RecordValue[] = [];
  seconds.forEach((s, i) => {
    const row: RecordValue[] = new Array(ROW_WIDTH).fill(null);
    row[COL.hash] = s.toString(16).padStart(10, "0") + `${tag}${i}`;
    row[COL.start] = new Date(s * 1000).toISOString();
    row[COL.line] = i;
    row[COL.duration] = i % 2 === 0 ? 0 : 61;
    row[COL.caller] = "0123"; // a string of digits stays a string
    row[COL.calleeRaw] = i === 1 ? 'O\'Brien \ud800 "quoted", 12.5' : ""; // a lone surrogate, quotes, an empty string
    row[COL.callerRaw] = i === 2 ? "null" : null; // the word null is not null
    values.push(...row);
  });
  return { count: seconds.length, values };
}
const collect = async (batches: AsyncIterable<RecordBatch>) => {
  const out: RecordBatch[] = [];
  for await (const b of batches) out.push(b);
  return out;
};
const rowsOf = (b: RecordBatch) => Array.from({ length: b.count }, (_, i) => b.values.slice(i * ROW_WIDTH, (i + 1) * ROW_WIDTH));

describe("staged rows", () => {
  it("gives every row back whole, by start time, rows of one start in the order staged, in batches of the size asked", async () => {
    const staged = new StagedRows();
    try {
      const a = batch([1_700_000_500, 1_700_000_100, 1_700_000_300], "a");
      const b = batch([1_700_000_200, 1_700_000_100, 1_700_000_400], "b");
      const before = batch([1_700_000_100, 1_600_000_000], "p");
      expect(staged.addAll(rowsOf(before))).toBe(2);
      staged.add(a);
      staged.add(b);
      expect(staged.count).toBe(8);
      const out = await collect(staged.sorted(3));
      expect(out.map((x) => x.count)).toEqual([3, 3, 2]);
      const rows = out.flatMap(rowsOf);
      const all = [...rowsOf(before), ...rowsOf(a), ...rowsOf(b)];
      const tagOf = (r: RecordValue[]) => (r[COL.hash] as string).slice(10);
      expect(rows.map(tagOf)).toEqual(["p1", "p0", "a1", "b1", "b0", "a2", "b2", "a0"]);
      // Values come back as they went in: strings of digits, numbers, nulls.
      for (const r of rows) expect(r).toEqual(all.find((x) => tagOf(x) === tagOf(r)));
      expect(typeof rows[0]![COL.caller]).toBe("string");
      expect(rows[0]![COL.duration]).toBe(61);
      expect(rows.map((r) => r[COL.calleeRaw])).toContain('O\'Brien \ud800 "quoted", 12.5');
      expect(rows.filter((r) => r[COL.callerRaw] === "null")).toHaveLength(2);
      expect(rows.filter((r) => r[COL.callerRaw] === null)).toHaveLength(6);
    } finally {
      staged.close();
    }
  });

  it("stages more rows than one statement holds, and nothing at all", async () => {
    const none = new StagedRows();
    expect(await collect(none.sorted())).toEqual([]);
    none.close();
    const staged = new StagedRows();
    const seconds = Array.from({ length: 1234 }, (_, i) => 1_700_000_000 + ((i * 7919) % 1234));
    staged.add(batch(seconds, "x"));
    const starts = (await collect(staged.sorted())).flatMap(rowsOf).map((r) => r[COL.start] as string);
    expect(starts).toHaveLength(1234);
    expect(starts).toEqual([...starts].sort());
    staged.close();
  });

  it("sorts many rows sharing their start times across the whole staging, in arrival order", async () => {
    const staged = new StagedRows();
    try {
      // 70,000 rows over 1,000 seconds: each second's 70 rows arrive spread over the whole file.
      const n = 70_000;
      const seconds = Array.from({ length: n }, (_, i) => 1_700_000_000 + ((i * 7919) % 1000));
      for (let i = 0; i < n; i += 500) {
        const b = batch(seconds.slice(i, i + 500), "r");
        for (let k = 0; k < b.count; k++) b.values[k * ROW_WIDTH + COL.line] = i + k;
        staged.add(b);
      }
      const out = (await collect(staged.sorted())).flatMap(rowsOf).map((r) => [r[COL.start] as string, r[COL.line] as number] as const);
      const expected = seconds.map((s, i) => [new Date(s * 1000).toISOString(), i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
      expect(out).toEqual(expected);
    } finally {
      staged.close();
    }
  });
});

describe("staging files", () => {
  it("are deleted on close, and those a dead process left behind go when the next is made", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sy-staging-"));
    const before = process.env.SQLITE_TMPDIR;
    process.env.SQLITE_TMPDIR = dir;
    try {
      const dead = spawnSync(process.execPath, ["-e", ""]).pid!; // exited: its pid is gone
      const leftover = path.join(dir, `switchyard-staged-${dead}-abcdef.db`);
      const unrelated = path.join(dir, "other.db");
      fs.writeFileSync(leftover, "x");
      fs.writeFileSync(unrelated, "x");
      // A live pid's file two days old is left over too (pids are reused).
      const old = path.join(dir, `switchyard-staged-${process.pid}-0123456789ab.db`);
      fs.writeFileSync(old, "x");
      fs.utimesSync(old, new Date(Date.now() - 48 * 3600_000), new Date(Date.now() - 48 * 3600_000));
      const staged = new StagedRows();
      staged.add(batch([1_700_000_000], "a"));
      const files = fs.readdirSync(dir);
      expect(files).toHaveLength(2);
      expect(files).toContain("other.db");
      expect(files.some((f) => f.startsWith(`switchyard-staged-${process.pid}-`))).toBe(true);
      expect(await collect(staged.sorted())).toHaveLength(1);
      staged.close();
      expect(fs.readdirSync(dir)).toEqual(["other.db"]);
    } finally {
      if (before === undefined) delete process.env.SQLITE_TMPDIR;
      else process.env.SQLITE_TMPDIR = before;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
