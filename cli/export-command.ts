import fs from "node:fs";
import { Readable } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { loadConfig } from "../lib/config";
import { getDb } from "../lib/db/prisma";
import { caseIdForName } from "../lib/data/cases";
import { iterateRecords, type RecordFilter } from "../lib/data/records";
import { recordsCsvHeader, recordToCsvLine } from "../lib/data/records-csv";
import { recordsParquetStream } from "../lib/data/records-parquet";
import { DEFAULT_CASE_NAME } from "../lib/schemas/case";
import { parseArgs, writeLine } from "./write-line";

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
  if (format === "parquet") {
    await pipeline(Readable.fromWeb(recordsParquetStream(db, databaseUrl, filter) as NodeReadableStream<Uint8Array>), sink);
  } else {
    const write = out ? (line: string) => writeLine(line, sink) : (line: string) => writeLine(line);
    if (format === "csv") await write(recordsCsvHeader());
    for await (const r of iterateRecords(db, filter)) {
      const { id: _id, jobId: job, ...rest } = r;
      await write(format === "csv" ? recordToCsvLine(r) : JSON.stringify({ job_id: job, ...rest }));
    }
    if (out) await finished(sink.end());
  }
  await db.$disconnect();
  return 0;
}
