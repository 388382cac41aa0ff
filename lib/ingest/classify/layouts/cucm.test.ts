import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planLayout } from "../plan-layout";
import { CUCM_FIELDS, cucmFile } from "../testing/cucm-cdr";
import { fieldColumns, textSample } from "../testing/product-sample";
import { isFieldTypeLine } from "./field-type-line";

const CALLEE_ORIGINAL = CUCM_FIELDS.indexOf("originalCalledPartyNumber");
const CORE = { caller: 8, callee: CALLEE_ORIGINAL, start_time: 4, end_time: 48, duration_seconds: 55 };

describe("built-in layout: Cisco CUCM CDR", () => {
  it("maps a file with field names and the field-type line; the type line is not a call; UTC epoch, no review", () => {
    const plan = planLayout(textSample(cucmFile({ names: true, types: true })), []);
    expect(plan.carrier).toBe("cucm");
    expect(fieldColumns(plan.columns)).toEqual(CORE);
    expect(plan.columns[4]!.format).toBe("epoch_s");
    expect(plan.timezone).toBe("UTC");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
    expect(plan.needsReview).toBe(false);
  });

  it("maps a file whose only header is the type line, by the documented order", () => {
    const sample = textSample(cucmFile({ names: false, types: true }));
    expect(isFieldTypeLine(sample.headers)).toBe(true);
    const plan = planLayout(sample, []);
    expect(plan.carrier).toBe("cucm");
    expect(fieldColumns(plan.columns)).toEqual(CORE);
    expect(plan.timezone).toBe("UTC");
    expect(plan.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it("maps a headerless file by its values (epoch times, record type) and sends it to review", () => {
    const plan = planLayout(textSample(cucmFile({ names: false, types: false })), []);
    expect(plan.carrier).toBe("cucm");
    expect(fieldColumns(plan.columns)).toEqual(CORE);
    expect(plan.needsReview).toBe(true);
  });

  it("accepts older, narrower releases (94 fields)", () => {
    const plan = planLayout(textSample(cucmFile({ names: false, types: true, width: 94 })), []);
    expect(plan.carrier).toBe("cucm");
    expect(fieldColumns(plan.columns)).toEqual(CORE);
  });

  it("tells a type line from a header of ordinary words", () => {
    expect(isFieldTypeLine(["INTEGER", "INTEGER", "VARCHAR(50)", "UNIQUEIDENTIFIER", ""])).toBe(true);
    expect(isFieldTypeLine(["Date", "Time", "Text", "Integer"])).toBe(false);
    expect(isFieldTypeLine(["1", "INTEGER", "INTEGER"])).toBe(false);
  });
});

describe("built-in layout: the real CUCM files (fixtures/real-world/pbx-cisco-cucm)", () => {
  const dir = path.resolve(__dirname, "../../../../fixtures/real-world/pbx-cisco-cucm");
  interface Truth {
    columns: Record<string, number | null>;
    alternatives?: Record<string, number[]>;
    timezone: string | null;
  }
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".txt"));

  it.each(files)("%s: caller, callee (or its alternative), start, end and duration on the truth columns, UTC", (file) => {
    const truth = JSON.parse(fs.readFileSync(path.join(dir, `${file}.truth.json`), "utf8")) as Truth;
    const plan = planLayout(textSample(fs.readFileSync(path.join(dir, file), "utf8")), []);
    expect(plan.carrier).toBe("cucm");
    const got = fieldColumns(plan.columns);
    for (const f of ["caller", "callee", "start_time", "end_time", "duration_seconds"] as const) {
      expect([truth.columns[f], ...(truth.alternatives?.[f] ?? [])], `${file} ${f}`).toContain(got[f]);
    }
    expect(plan.columns.find((c) => c.field === "start_time")!.format).toBe("epoch_s");
    expect(plan.timezone).toBe(truth.timezone);
  });
});
