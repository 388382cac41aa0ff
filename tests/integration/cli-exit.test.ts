import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makePdfFixtures } from "../../lib/ingest/extract/pdf/test-fixtures";
import { cdrFixtures } from "../support/corpora";
import { tempDataDir } from "../support/temp-db";

/**
 * The CLI reads scanned PDFs with a pool of tesseract worker threads that stay up a few seconds
 * after their last page (ocr-pool.ts, IDLE_CLOSE_MS = 5 s) so the next pages skip their start-up.
 * A CLI run must not wait for that: it closes the pool when its files are done and exits.
 */
const cdr = cdrFixtures();
const tmp = tempDataDir("switchyard-cli-exit-");
afterAll(() => tmp.cleanup());

describe.skipIf(!cdr)("the CLI after a scanned PDF", () => {
  it("exits as soon as its result is written, not after the OCR workers' idle timeout", async () => {
    const made = makePdfFixtures(path.join(cdr as string, "att-1.csv"), ["--scan-pages", "1"]);
    try {
      const child = spawn(process.execPath, ["--import", "tsx", "cli/main.ts", "ingest", path.join(made.dir, `${made.base}.scan.pdf`), "--json"], {
        env: { ...process.env, DATABASE_URL: tmp.databaseUrl, DATA_DIR: tmp.dir, LOG_LEVEL: "warn" },
      });
      let out = "";
      let resultAt = 0;
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (!resultAt && out.includes("\n")) resultAt = performance.now();
      });
      const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
      const lingered = performance.now() - resultAt;
      const result = JSON.parse(out.split("\n")[0]!) as { status: string };
      expect(code).toBe(0);
      expect(["completed", "partial", "needs_review"]).toContain(result.status);
      // Before the pool was closed here, the process outlived its result by the 5 s idle timeout.
      expect(lingered).toBeLessThan(3_500);
    } finally {
      fs.rmSync(made.dir, { recursive: true, force: true });
    }
  }, 120_000);
});
