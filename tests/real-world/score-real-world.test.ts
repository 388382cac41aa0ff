import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { tempDataDir } from "../support/temp-db";

// The job log would drown the table: quiet unless asked for (read when the logger is created, hence the late imports).
process.env.LOG_LEVEL ??= "silent";
const { getDb } = await import("../../lib/db/prisma");
const { formatRealWorld, loadRealWorldTruths, REAL_WORLD_DIR, scoreRealWorld } = await import("./real-world-score");

/**
 * Issue 17's own real-world test set (fixtures/real-world, sources and licences in its SOURCES.md):
 * public call logs nobody here wrote, each with a hand-checked truth. Prints a per-file table and
 * the totals to stderr, and holds the figures at FLOORS.
 *
 * The floors are today's measured values, not targets: a change that makes a figure drop fails
 * here. When the engine improves, RAISE THE FLOORS to the new measured values in the same change
 * (issue 17 asks for ≥ 90 % of files with the four core columns right and ≥ 99 % of loadable rows
 * loaded with the correct mapping). Run `node scripts/score-real-world.mjs` for the table alone.
 */
const FLOORS = {
  /**
   * Files whose parties, start and duration land on the truth columns without help (8/25 before the header rules, 12/25 with them,
   * 13/25 = 0.52 once a single JSON call object is its own record; 25/25 = 1 with one-subscriber logs read as target + counterparty,
   * national numbers and ids as parties, the two-ends rule, and the CUCM built-in layout).
   */
  coreShare: 1,
  /** Loadable rows that become records with the truth mapping, all files pooled (329/2035; 330/2035 = 0.1622 with the spreadsheet repair; 2035/2035 = 1 once non-E.164 parties and the counterparty load). */
  rowShare: 1,
  /** Mean over files of loaded ÷ loadable with the truth mapping (0.2777; 0.3177 with the spreadsheet repair: an E.164 number without its "+"; 1 with the party work). */
  meanFileShare: 1,
};

const tmp = tempDataDir("switchyard-real-world-");
const db = getDb(tmp.databaseUrl);
afterAll(async () => {
  await db.$disconnect();
  tmp.cleanup();
});

describe.skipIf(!fs.existsSync(REAL_WORLD_DIR))("real-world call logs (fixtures/real-world)", () => {
  it("the set has at least 25 files of at least 8 kinds, each with a truth", () => {
    const truths = loadRealWorldTruths();
    expect(truths.length).toBeGreaterThanOrEqual(25);
    expect(new Set(truths.map((t) => t.truth.kind)).size).toBeGreaterThanOrEqual(8);
    for (const { file, truth } of truths) {
      expect(fs.existsSync(`${REAL_WORLD_DIR}/${file}`), file).toBe(true);
      expect(truth.loadable_rows, file).toBeGreaterThan(0);
    }
  });

  it("scores automatic mapping and truth-mapping loads no lower than today's floors", async () => {
    const summary = await scoreRealWorld(db, tmp.databaseUrl);
    process.stderr.write(`\n${formatRealWorld(summary)}\n\n`);
    expect(summary.coreShare).toBeGreaterThanOrEqual(FLOORS.coreShare);
    expect(summary.rowShare).toBeGreaterThanOrEqual(FLOORS.rowShare);
    expect(summary.meanFileShare).toBeGreaterThanOrEqual(FLOORS.meanFileShare);
  }, 120_000);
});
