import { loadConfig } from "../lib/config";
import { getDb } from "../lib/db/prisma";
import { caseIdForName } from "../lib/data/cases";
import { iterateRecords, type RecordFilter } from "../lib/data/records";
import { recordsCsvHeader, recordToCsvLine } from "../lib/data/records-csv";
import { DEFAULT_CASE_NAME } from "../lib/schemas/case";
import { parseArgs, writeLine } from "./write-line";

/**
 * `export [--format ndjson|csv] [--job ID] [--case NAME]`: canonical records with their job id,
 * duplicate_of (the record a linked leg repeats), carrier, source_file and source_line, one per
 * line. `--job` alone exports that job; otherwise the case (default: the case named "default").
 * Every record is exported, linked legs included, so nothing is lost; filter on duplicate_of to
 * count each call once.
 */
export async function runExport(args: string[]): Promise<number> {
  const { options } = parseArgs(args, [], ["format", "job", "case"]);
  const format = (options.format as string | undefined) ?? "ndjson";
  if (format !== "ndjson" && format !== "csv") throw new Error(`unknown export format "${format}" (ndjson or csv)`);
  const db = getDb(loadConfig().databaseUrl);
  const jobId = typeof options.job === "string" ? options.job : undefined;
  const caseName = typeof options.case === "string" ? options.case : jobId ? null : DEFAULT_CASE_NAME;
  const filter: RecordFilter = { scope: caseName === null ? {} : { caseId: await caseIdForName(db, caseName) }, jobId, includeDuplicates: true };
  if (format === "csv") await writeLine(recordsCsvHeader());
  for await (const r of iterateRecords(db, filter)) {
    const { id: _id, jobId: job, ...rest } = r;
    await writeLine(format === "csv" ? recordToCsvLine(r) : JSON.stringify({ job_id: job, ...rest }));
  }
  await db.$disconnect();
  return 0;
}
