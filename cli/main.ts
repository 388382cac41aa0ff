import { runExport } from "./export-command";
import { runIngest } from "./ingest-command";

const USAGE = `Usage:
  npm run --silent cli -- ingest FILE... [--json] [--mapping MAP.json]
  npm run --silent cli -- export [--format ndjson|csv] [--job ID]`;

/** The CLI: same library, same database (DATABASE_URL, default the embedded SQLite under DATA_DIR). Only results go to stdout. */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "ingest") return runIngest(rest);
  if (command === "export") return runExport(rest);
  process.stderr.write(`${USAGE}\n`);
  return command === "--help" || command === "-h" ? 0 : 2;
}

process.env.LOG_LEVEL ??= "warn";
main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`switchyard: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
