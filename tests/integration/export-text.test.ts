import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RecordFilter } from "../../lib/data/records";
import { caseSqliteHarness } from "../support/case-sqlite";
import { cdrFixtures } from "../support/corpora";
import { exportTextComparer } from "../support/export-text-compare";

// CSV and NDJSON exports read a whole case or job straight from the SQLite file (exportRowBatches);
// what they write must be, byte for byte, what the records API's rows (iterateRecords → RecordDto) give.
const h = caseSqliteHarness();
let caseA = 0;
let caseB = 0;
const jobsA: string[] = [];

beforeAll(async () => {
  caseA = await h.newCase("text A");
  caseB = await h.newCase("text B");
  const day = Date.UTC(2024, 4, 1);
  for (const [i, rows] of [300, 200].entries()) {
    jobsA.push((await h.load(h.attFile(`t${i}.csv`, { rows, startMs: day + i * 3_600_000, stepSeconds: 45, seed: 51 + i, bad: [7] }), caseA)).jobId);
  }
  // Real carrier layouts: parties of every kind, raw spellings, empty cells, formula-like text.
  const fixtures = cdrFixtures();
  if (fixtures)
    for (const f of ["tmobile-3.csv", "sprint-2.csv", "generic-1.tsv", "generic-4.txt", "sprint-1.txt", "verizon-1.txt"])
      jobsA.push((await h.load(path.join(fixtures, f), caseA)).jobId);
  await h.load(h.attFile("other.csv", { rows: 80, startMs: day, stepSeconds: 60, seed: 9 }), caseB);
}, 120_000);

const filters: Array<[string, () => RecordFilter]> = [
  ["a case with its linked legs", () => ({ scope: { caseId: caseA }, includeDuplicates: true })],
  ["a case without them", () => ({ scope: { caseId: caseA } })],
  ["one job", () => ({ scope: { caseId: caseA }, jobId: jobsA[1]!, includeDuplicates: true })],
  ["two cases (an analyst's scope)", () => ({ scope: { caseId: { in: [caseA, caseB] } }, includeDuplicates: true })],
  ["every case (admin, CLI)", () => ({ scope: {}, includeDuplicates: true })],
  ["a filtered search (the general path)", () => ({ scope: { caseId: caseA }, direction: "outgoing", includeDuplicates: true })],
];

describe("CSV and NDJSON exports", () => {
  const compare = exportTextComparer(h.db, h.tmp.databaseUrl);

  it.each(filters)("CSV of %s is what the records API's rows give", async (_label, filter) => {
    const { fast, legacy } = await compare.csv(filter());
    expect(fast.split("\n").length).toBeGreaterThan(2);
    expect(fast).toBe(legacy);
  });

  it.each(filters)("NDJSON of %s is what the records API's rows give", async (_label, filter) => {
    const { fast, legacy } = await compare.ndjson(filter());
    expect(legacy.length).toBeGreaterThan(0);
    expect(fast).toBe(legacy);
  });
});
