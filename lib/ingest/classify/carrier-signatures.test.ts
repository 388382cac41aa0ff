import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cdrFixtures, loadCdrTruths, type CdrTruth } from "../../../tests/support/corpora";
import { detectFileFormat } from "../detect-format";
import { openTableSource } from "../extract/open-table-source";
import type { TableSample } from "../types";
import { planLayout } from "./plan-layout";
import { sampleFromText } from "./testing/fixture-sample";
import { csv, masterLine } from "./testing/asterisk-master";

const dir = cdrFixtures();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "carrier-signatures-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The sample the real pipeline reads from a file (dialect sniffed, header row detected). */
async function sampleOf(file: string): Promise<TableSample> {
  const { format } = await detectFileFormat(file, path.basename(file));
  const source = await openTableSource(file, format);
  try {
    return await source.sample();
  } finally {
    await source.close();
  }
}

/** The fixture without its preamble and header line: what a carrier file looks like when exported headerless. */
function headerlessCopy(t: CdrTruth, fixtures: string): string {
  const lines = fs
    .readFileSync(path.join(fixtures, t.file), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const out = path.join(tmp, `headerless-${t.file}`);
  fs.writeFileSync(out, lines.slice(t.header_line!).join("\n"));
  return out;
}

const CORE = ["caller", "callee", "start_time", "start_date", "start_clock", "duration_seconds"];

describe.skipIf(!dir)("headerless carrier files recognized from their column signature", () => {
  const truths = dir ? loadCdrTruths(dir) : [];
  const carriers = truths.filter((t) => t.carrier !== "unknown" && t.header_line !== null);
  const generics = truths.filter((t) => t.carrier === "unknown" && t.header_line !== null);

  it.each(carriers.map((t) => [t.file, t] as const))("%s without its header: carrier and core columns as the header maps them", async (_, t) => {
    const sample = await sampleOf(headerlessCopy(t, dir!));
    expect(sample.headerLine).toBeNull();
    const plan = planLayout(sample, []);
    expect(plan.carrier).toBe(t.carrier);
    const want = t.columns.filter((c) => c.field !== null && CORE.includes(c.field)).map((c) => [c.index, c.field]);
    const got = plan.columns.filter((c) => c.field !== null && CORE.includes(c.field)).map((c) => [c.index, c.field]);
    expect(got).toEqual(want);
    // Every other column as the truth maps it too.
    expect(plan.columns.map((c) => c.field)).toEqual(t.columns.map((c) => c.field));
    // A headerless file is always confirmed by a person.
    expect(plan.needsReview).toBe(true);
    expect(plan.reviewReasons.some((r) => /no header row/.test(r))).toBe(true);
  });

  it.each(generics.map((t) => [t.file, t] as const))("%s (an unbranded export) without its header is claimed by no carrier", async (_, t) => {
    const plan = planLayout(await sampleOf(headerlessCopy(t, dir!)), []);
    expect(plan.carrier).toBe("unknown");
  });
});

describe("carrier signatures leave other headerless files alone", () => {
  it("a generic 5-column date,number,number,seconds,type CSV", () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      [
        `2024-03-${String((i % 28) + 1).padStart(2, "0")} 1${i % 10}:0${i % 6}:${String(10 + i).padStart(2, "0")}`,
        `212555${String(1000 + i)}`,
        `646555${String(2000 + i * 3)}`,
        String(i * 37),
        i % 3 ? "MO" : "MT",
      ].join(","),
    );
    const plan = planLayout(sampleFromText(rows.join("\n"), ",", null), []);
    expect(plan.carrier).toBe("unknown");
    expect(plan.needsReview).toBe(true);
  });

  it("a headerless Asterisk Master.csv (as in builtin-layouts.test.ts) stays Asterisk", () => {
    const rows = Array.from({ length: 10 }, (_, i) => masterLine(i, 2));
    expect(planLayout(sampleFromText(csv(rows), ",", null), []).carrier).toBe("asterisk");
  });

  it("an 11-column headerless table of other things is not Sprint, T-Mobile or Verizon", () => {
    const rows = Array.from({ length: 20 }, (_, i) =>
      [`SKU-${i}`, `Widget ${i}`, String(i * 7), `${i}.99`, `WH${i % 3}`, `2023-01-1${i % 10}`, "x", "y", String(i), "z", "w"].join(","),
    );
    expect(planLayout(sampleFromText(rows.join("\n"), ",", null), []).carrier).toBe("unknown");
  });
});

describe("carrier signatures are layouts, not sample values", () => {
  const pad = (n: number) => String(n).padStart(2, "0");
  const nanp = (i: number) => `${[212, 312, 415, 713][i % 4]}555${String(1000 + i * 37).slice(-4)}`;

  it("a T-Mobile layout with ISO dates, a 24-hour clock and moc/mtc codes", () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const out = i % 3 !== 0;
      return [
        `2024-05-${pad((i % 28) + 1)}`,
        `${pad(i % 24)}:${pad((i * 7) % 60)}:${pad((i * 13) % 60)}`,
        out ? "14045550100" : `1${nanp(i)}`,
        out ? `1${nanp(i)}` : "14045550100",
        out ? nanp(i) : "",
        String((i * 53) % 900),
        out ? "moc" : i % 2 ? "mtc" : "mSTerminatingSMSinMSC",
        `${30000 + i * 11}-${(i % 3) + 1}`,
        `${31000 + i * 7}-${(i % 3) + 1}`,
        "356938035643809",
        "310260123456789",
      ].join("\t");
    });
    const plan = planLayout(sampleFromText(rows.join("\n"), "\t", null), []);
    expect(plan.carrier).toBe("tmobile");
    expect(plan.columns.slice(0, 6).map((c) => c.field)).toEqual(["start_date", "start_clock", "caller", "callee", "dialed_digits", "duration_seconds"]);
    expect(plan.needsReview).toBe(true);
  });

  it("a Sprint layout with one-digit mobile-role codes and bare cell numbers", () => {
    const rows = Array.from({ length: 40 }, (_, i) => {
      const out = i % 2 === 0;
      const start = `2024-01-${pad((i % 28) + 1)} ${pad(i % 24)}:${pad((i * 7) % 60)}:00`;
      const end = `2024-01-${pad((i % 28) + 1)} ${pad(i % 24)}:${pad((i * 7) % 60)}:${pad((i * 11) % 60)}`;
      return [
        out ? "6025550101" : nanp(i),
        out ? nanp(i) : "6025550101",
        out ? nanp(i) : "",
        start,
        end,
        String((i * 11) % 60),
        out ? "1" : "2",
        String(100 + i),
        String(i % 9),
        String(1000 + i * 7),
        String(2000 + i * 3),
      ].join(";");
    });
    const plan = planLayout(sampleFromText(rows.join("\n"), ";", null), []);
    expect(plan.carrier).toBe("sprint");
    expect(plan.columns.slice(0, 6).map((c) => c.field)).toEqual(["caller", "callee", "dialed_digits", "start_time", "end_time", "duration_seconds"]);
  });
});
