// StagedRows alone (lib/db/sqlite-staged-rows.ts): rows of a file out of time order staged, then
// read back sorted, timed apart from the rest of a load.
//
//   npx tsx scripts/bench/staged-rows.mts [--rows 1000000] [--rounds 2]
//
// Rows are record-shaped (ROW_WIDTH values: a 64-digit hash, ISO start times in a fixed
// permutation of one year's seconds, phone numbers, IMEI/IMSI, nulls), added 500 at a time as the
// sink adds batches. Prints the staging time, the time to the first sorted batch and the total.
import { StagedRows } from "../../lib/db/sqlite-staged-rows";
import { COL, ROW_WIDTH, type RecordValue } from "../../lib/ingest/pipeline/record-sink";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rows = arg("rows", 1_000_000);
const rounds = arg("rounds", 2);
const YEAR = 365 * 86_400;
const T0 = Date.UTC(2023, 0, 1) / 1000;

function batch(from: number, n: number): RecordValue[] {
  const values: RecordValue[] = new Array(n * ROW_WIDTH).fill(null);
  for (let i = 0; i < n; i++) {
    const k = from + i;
    const second = T0 + ((k * 7_919) % YEAR);
    const at = i * ROW_WIDTH;
    for (let c = 0; c < ROW_WIDTH; c++) values[at + c] = c % 3 === 0 ? null : `+1713${String((k * 31) % 10_000_000).padStart(7, "0")}`;
    values[at + COL.hash] = second.toString(16).padStart(10, "0") + "ab".repeat(27);
    values[at + COL.line] = k + 7;
    values[at + COL.start] = new Date(second * 1000).toISOString().replace(".000", "");
    values[at + COL.duration] = k % 600;
  }
  return values;
}

for (let r = 0; r < rounds; r++) {
  const staged = new StagedRows();
  let t = performance.now();
  for (let i = 0; i < rows; i += 500) staged.add({ count: Math.min(500, rows - i), values: batch(i, Math.min(500, rows - i)) });
  const stageMs = performance.now() - t;
  t = performance.now();
  let first = 0;
  let n = 0;
  let last = "";
  for await (const b of staged.sorted()) {
    if (n === 0) first = performance.now() - t;
    for (let at = COL.start; at < b.count * ROW_WIDTH; at += ROW_WIDTH) {
      const s = b.values[at] as string;
      if (s < last) throw new Error(`out of order at row ${n}`);
      last = s;
    }
    n += b.count;
  }
  const readMs = performance.now() - t;
  staged.close();
  console.log(
    `round ${r + 1}: ${n} rows; staged in ${stageMs.toFixed(0)} ms; first sorted batch after ${first.toFixed(0)} ms, all after ${readMs.toFixed(0)} ms; RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  );
}
