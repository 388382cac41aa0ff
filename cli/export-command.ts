import fs from "node:fs";
import { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { loadConfig } from "../lib/config";
import { getDb } from "../lib/db/prisma";
import { caseIdForName } from "../lib/data/cases";
import type { RecordFilter } from "../lib/data/records";
import { recordsCsvStream } from "../lib/data/records-export";
import { exportRowToJson } from "../lib/data/export-row-shape";
import { exportRowBatches } from "../lib/data/records-export-rows";
import { recordsParquetStream } from "../lib/data/records-parquet";
import { DEFAULT_CASE_NAME } from "../lib/schemas/case";
import { parseArgs } from "./write-line";

/**
 * `export [--format ndjson|csv|parquet] [--out FILE] [--job ID] [--case NAME]`: canonical records with their job id,
 * duplicate_of (the record a linked leg repeats), carrier, source_file and source_line, one per
 * line. `--job` alone exports that job; otherwise the case (default: the case named "default").
 * Every record is exported, linked legs included, so nothing is lost; filter on duplicate_of to
 * count each call once. Parquet (the CSV's columns, typed; records-parquet.ts) is binary, so it
 * goes to `--out FILE` (or to stdout when that is not a terminal); --out works for every format.
 */
export async function runExport(args: string[]): Promise<number> {
  const { options } = parseArgs(args, [], ["format", "job", "case", "out"]);
  const format = (options.format as string | undefined) ?? "ndjson";
  if (format !== "ndjson" && format !== "csv" && format !== "parquet") throw new Error(`unknown export format "${format}" (ndjson, csv or parquet)`);
  const out = typeof options.out === "string" ? options.out : undefined;
  if (format === "parquet" && !out && process.stdout.isTTY) throw new Error("a Parquet export is binary: write it to a file with --out FILE (or pipe it)");
  const { databaseUrl } = loadConfig();
  const db = getDb(databaseUrl);
  const jobId = typeof options.job === "string" ? options.job : undefined;
  const caseName = typeof options.case === "string" ? options.case : jobId ? null : DEFAULT_CASE_NAME;
  const filter: RecordFilter = { scope: caseName === null ? {} : { caseId: await caseIdForName(db, caseName) }, jobId, includeDuplicates: true };
  const sink = out ? fs.createWriteStream(out) : process.stdout;
  if (format !== "ndjson") {
    const body = format === "parquet" ? recordsParquetStream(db, databaseUrl, filter) : recordsCsvStream(db, databaseUrl, filter);
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), sink);
  } else {
    // One object a line, keys in EXPORT_COLUMNS' order (job_id, the record's fields, then where it came from).
    for await (const batch of exportRowBatches(db, databaseUrl, filter, { batch: 2000, times: "text" })) {
      let chunk = "";
      for (const row of batch) chunk += exportRowToJson(row) + "\n";
      if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
    }
    if (out) await finished(sink.end());
  }
  await db.$disconnect();
  return 0;
}
