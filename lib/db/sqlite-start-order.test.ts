import { describe, expect, it } from "vitest";
import { COL, ROW_WIDTH, type RecordBatch, type RecordValue } from "../ingest/pipeline/record-sink";
import { batchStartOrder } from "./sqlite-start-order";

/** A batch of rows with these start seconds. */
function batch(seconds: number[]): RecordBatch {
  const values: RecordValue[] = [];
  for (const s of seconds) {
    const row: RecordValue[] = new Array(ROW_WIDTH).fill(null);
    row[COL.start] = new Date(s * 1000).toISOString();
    values.push(...row);
  }
  return { count: seconds.length, values };
}

describe("a file's start order", () => {
  it("tells a batch that goes back in time from one that does not", () => {
    expect(batchStartOrder(batch([10, 20, 20, 30]), null)).toEqual({ backwards: false, latest: new Date(30_000).toISOString() });
    expect(batchStartOrder(batch([40, 50]), new Date(30_000).toISOString()).backwards).toBe(false);
    expect(batchStartOrder(batch([40, 25]), new Date(30_000).toISOString()).backwards).toBe(true);
    expect(batchStartOrder(batch([31, 30, 32]), null).backwards).toBe(true);
  });
});
