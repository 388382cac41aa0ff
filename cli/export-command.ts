import { loadConfig } from "../lib/config";
import { getDb } from "../lib/db/prisma";
import { iterateRecords } from "../lib/jobs/record-queries";
import { recordsCsvHeader, recordToCsvLine } from "../lib/export/records-csv";
import { parseArgs, writeLine } from "./write-line";

/** `export [--format ndjson|csv] [--job ID]`: canonical records with their job id, one per line. */
export async function runExport(args: string[]): Promise<number> {
  const { options } = parseArgs(args, [], ["format", "job"]);
  const format = (options.format as string | undefined) ?? "ndjson";
  if (format !== "ndjson" && format !== "csv") throw new Error(`unknown export format "${format}" (ndjson or csv)`);
  const db = getDb(loadConfig().databaseUrl);
  const filter = typeof options.job === "string" ? { jobId: options.job } : {};
  if (format === "csv") await writeLine(recordsCsvHeader());
  for await (const r of iterateRecords(db, filter)) {
    const { id: _id, jobId, ...rest } = r;
    await writeLine(format === "csv" ? recordToCsvLine(r) : JSON.stringify({ job_id: jobId, ...rest }));
  }
  await db.$disconnect();
  return 0;
}
