import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JobScanner } from "../../lib/db/sqlite-job-scan";
import { caseSqliteHarness } from "../support/case-sqlite";

const h = caseSqliteHarness();

/**
 * A target with thousands of counterparties (a tower dump's shape): the contacts written from the
 * load's tallies (columns, multi-row INSERTs in number order) and merged into them by a second
 * file must equal a recount of the stored records.
 */
describe("contacts of a target with many numbers (SQLite)", () => {
  function manyNumbers(name: string, seed: number, rows: number): string {
    const base = h.attFile(`${name}-base.csv`, { rows, startMs: Date.UTC(2024, 3, 1 + seed), stepSeconds: 120, seed });
    const lines = fs.readFileSync(base, "utf8").split("\r\n").filter(Boolean);
    const data = lines.slice(5).map((l, i) => {
      const c = l.split(",");
      // Every third row a number of its own, the rest among 400 shared ones (both files name them).
      const other = `312${String(i % 3 === 0 ? 5_000_000 + seed * 100_000 + i : 4_000_000 + (i % 400)).padStart(7, "0")}`;
      if (c[5] === h.TARGET) c[6] = other;
      else c[5] = other;
      return c.join(",");
    });
    const file = path.join(h.tmp.dir, `${name}.csv`);
    fs.writeFileSync(file, [...lines.slice(0, 5), ...data].join("\r\n") + "\r\n");
    return file;
  }

  it("writes them all, merges a second file's into them, and both equal a recount", async () => {
    const c = await h.newCase();
    await h.load(manyNumbers("first", 1, 3000), c);
    expect(h.contactsIn(c).length).toBeGreaterThan(1300);
    h.expectConsistent(c);
    await h.load(manyNumbers("second", 2, 2000), c);
    expect(h.contactsIn(c).length).toBeGreaterThan(2000);
    h.expectConsistent(c);
  });

  it("past the scanner's tally limit, recounts them in SQL: the same contacts", async () => {
    const c = await h.newCase();
    const limit = JobScanner.maxTallies;
    JobScanner.maxTallies = 200;
    try {
      await h.load(manyNumbers("capped-1", 3, 3000), c);
      expect(h.contactsIn(c).length).toBeGreaterThan(1300);
      h.expectConsistent(c);
      await h.load(manyNumbers("capped-2", 4, 2000), c);
      h.expectConsistent(c);
    } finally {
      JobScanner.maxTallies = limit;
    }
  });
});
