import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openTextSource } from "./text-source";

const ROWS = 200_000;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "text-perf-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A 12-column CDR-like CSV; every 20th row has a quoted cell with a comma so the slow path is exercised too. */
function generate(file: string, rows: number): void {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, "Item,Date,Time,Seizure,ET,Originating Number,Terminating Number,IMEI,IMSI,CT,Feature,Cell Location\n");
  let buf: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const feature = i % 20 === 0 ? '"[CFU, VM]"' : "[CFU]";
    buf.push(`${i},09/02/23,01:25:${String(i % 60).padStart(2, "0")},0:05,0:00,7133537623,${2062060000 + (i % 9999)},814901191455192,310287764668549,SMSMO,${feature},36006-2`);
    if (buf.length === 10_000) {
      fs.writeSync(fd, buf.join("\n") + "\n");
      buf = [];
    }
  }
  fs.writeSync(fd, buf.join("\n") + (buf.length ? "\n" : ""));
  fs.closeSync(fd);
}

describe("streaming throughput", () => {
  it(`streams ${ROWS.toLocaleString("en")} rows in batches with progress and bounded memory`, async () => {
    const file = path.join(tmp, "big.csv");
    generate(file, ROWS);
    const started = performance.now();
    const src = await openTextSource(file);
    let rows = 0;
    let batches = 0;
    let maxBatch = 0;
    let lastProgress = 0;
    let progressWentBack = false;
    let quotedOk = true;
    for await (const batch of src.rows()) {
      batches++;
      rows += batch.length;
      maxBatch = Math.max(maxBatch, batch.length);
      if (src.bytesRead() < lastProgress) progressWentBack = true;
      lastProgress = src.bytesRead();
      for (const r of batch) if (r.cells.length !== 12 || r.line !== Number(r.cells[0]) + 1) quotedOk = false;
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`[text perf] ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s\n`);
    expect(rows).toBe(ROWS);
    expect(quotedOk).toBe(true);
    expect(maxBatch).toBeLessThanOrEqual(2000);
    expect(batches).toBeGreaterThanOrEqual(ROWS / 2000);
    expect(progressWentBack).toBe(false);
    expect(src.bytesRead()).toBe(src.bytesTotal);
    // Lenient floor: the machine is shared; the measured rate on 1M rows is in the report.
    expect(rows / seconds).toBeGreaterThan(40_000);
  });
});
