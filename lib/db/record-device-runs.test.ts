import { afterEach, describe, expect, it } from "vitest";
import { DeviceRuns, SPREAD } from "./record-device-runs";
import { RECORD_COLUMNS, ROW_WIDTH, type RecordValue } from "../ingest/pipeline/record-sink";

const IMEI = RECORD_COLUMNS.indexOf("imei");

/** Rows (ROW_WIDTH values each) carrying these IMEIs and nothing else, stored with ids 1, 2, 3, … */
function rowsOf(imeis: string[]): RecordValue[] {
  const values: RecordValue[] = new Array(imeis.length * ROW_WIDTH).fill(null);
  imeis.forEach((imei, i) => (values[i * ROW_WIDTH + IMEI] = imei));
  return values;
}

const defaultSpread = DeviceRuns.spreadRuns;
afterEach(() => {
  DeviceRuns.spreadRuns = defaultSpread;
});

describe("DeviceRuns", () => {
  it("writes each value's runs of consecutive ids, in value then id order", () => {
    const runs = new DeviceRuns();
    const imeis = ["B", "B", "A", "A", "A", "B", "C"];
    runs.addRows(rowsOf(imeis), 0, imeis.length, imeis.length);
    expect([...runs.entries()]).toEqual([
      ["imei", "A", 3, 5],
      ["imei", "B", 1, 2],
      ["imei", "B", 6, 6],
      ["imei", "C", 7, 7],
    ]);
  });

  it("stops holding a value's runs once it is spread, and writes it as one entry from its first id", () => {
    DeviceRuns.spreadRuns = 10;
    const runs = new DeviceRuns();
    // Two handsets alternating on every row (5,000 runs each), and one whose rows come together.
    const imeis: string[] = [...Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? "even" : "odd")), "solo", "solo", "solo"];
    runs.addRows(rowsOf(imeis), 0, imeis.length, imeis.length);
    expect([...runs.entries()]).toEqual([
      ["imei", "even", 1, SPREAD],
      ["imei", "odd", 2, SPREAD],
      ["imei", "solo", 10_001, 10_003],
    ]);
    // Eleven runs each for the spread values (one past the limit), one for the other: not 10,001.
    expect(runs.heldRuns).toBe(23);
  });

  it("keeps a value of exactly the limit's runs as runs", () => {
    DeviceRuns.spreadRuns = 3;
    const runs = new DeviceRuns();
    const imeis = ["X", "Y", "X", "Y", "X", "Y"];
    runs.addRows(rowsOf(imeis), 0, imeis.length, imeis.length);
    expect([...runs.entries()].filter(([, v]) => v === "X")).toEqual([
      ["imei", "X", 1, 1],
      ["imei", "X", 3, 3],
      ["imei", "X", 5, 5],
    ]);
  });
});
