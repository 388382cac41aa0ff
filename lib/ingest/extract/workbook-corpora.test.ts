import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus, corpusFiles } from "../../../tests/support/corpora";
import { detectFileFormat } from "../detect-format";
import { IngestError } from "../types";
import { openTableSource } from "./open-table-source";
import { parseXlsIsolated } from "./xls-isolated-parse";

/**
 * Every workbook in the third-party spreadsheet suites either loads or fails with an
 * IngestError that carries a reason; nothing crashes and nothing hangs.
 */

const SUITES = ["sheetjs-test_files", "exceljs", "calamine", "xlrd"];
const WORKBOOK = /\.(xlsx|xlsm|xls|xlsb|ods|fods|numbers)$/i;
const PER_FILE_MS = 20_000;

type Outcome = { kind: "loaded"; rows: number } | { kind: "failed"; code: string; message: string } | { kind: "crashed"; error: string };

async function loadOne(file: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PER_FILE_MS} ms`)), PER_FILE_MS);
  });
  const work = (async (): Promise<Outcome> => {
    const { format } = await detectFileFormat(file, path.basename(file));
    const src = await openTableSource(file, format);
    try {
      const sample = await src.sample();
      let rows = 0;
      for await (const batch of src.rows()) rows += batch.length;
      if (sample.headers.length === 0) throw new Error("a loaded table has no columns");
      return { kind: "loaded", rows };
    } finally {
      await src.close();
    }
  })();
  try {
    return await Promise.race([work, deadline]);
  } catch (err) {
    if (err instanceof IngestError) return { kind: "failed", code: err.code, message: err.message };
    return { kind: "crashed", error: err instanceof Error ? `${err.message}\n${err.stack}` : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

const files = corpusFiles(SUITES, WORKBOOK);

describe.skipIf(files.length === 0)("spreadsheet corpora", () => {
  it("loads or refuses every workbook with a reason; none crash or hang", { timeout: 120_000 }, async () => {
    const outcomes = new Map<string, Outcome>();
    const queue = [...files];
    // Three at a time: most of the cost is starting the isolated .xls worker.
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let f = queue.shift(); f; f = queue.shift()) outcomes.set(f, await loadOne(f));
      }),
    );
    const all = [...outcomes.values()];
    const count = (k: Outcome["kind"]) => all.filter((o) => o.kind === k).length;
    const crashed = [...outcomes].filter(([, o]) => o.kind === "crashed").map(([f, o]) => `${f}: ${(o as { error: string }).error}`);
    process.stderr.write(`[workbook corpora] ${files.length} files: loaded ${count("loaded")}, failed with a reason ${count("failed")}, crashed ${count("crashed")}\n`);
    expect(crashed).toEqual([]);
    for (const o of all) if (o.kind === "failed") expect(o.message.length).toBeGreaterThan(20);
    // Every .xlsx/.xls that holds a table must load; ods/xlsb must be refused, not misread.
    for (const [f, o] of outcomes) if (/\.(ods|xlsb)$/i.test(f)) expect(o.kind, f).toBe("failed");
    expect(count("loaded")).toBeGreaterThanOrEqual(150);
  });

  const calamine = corpus("calamine");
  it.skipIf(!calamine)("stops an .xls parse that runs past its deadline", async () => {
    await expect(parseXlsIsolated(path.join(calamine!, "date.xls"), { timeoutMs: 1 })).rejects.toMatchObject({ code: "parse_timeout" });
  });
});
