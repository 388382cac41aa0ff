/**
 * The CLI: same library, same database (DATABASE_URL, default the embedded SQLite under DATA_DIR).
 * Only results go to stdout; logs go to stderr, quiet by default. The log level must be set
 * before the library (and its logger) loads, hence the dynamic import.
 */
process.env.LOG_LEVEL ??= "warn";
// Owner-only files (the database and its -wal/-shm when the CLI creates them, work copies): as server.ts.
process.umask(0o077);
// `export … | head`: the reader left; stop quietly instead of crashing on EPIPE.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

const USAGE = `Usage:
  npm run --silent cli -- ingest FILE... [--json] [--mapping MAP.json] [--case NAME]
  npm run --silent cli -- export [--format ndjson|csv|parquet] [--out FILE] [--job ID] [--case NAME]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "ingest") return (await import("./ingest-command")).runIngest(rest);
  if (command === "export") return (await import("./export-command")).runExport(rest);
  process.stderr.write(`${USAGE}\n`);
  return command === "--help" || command === "-h" ? 0 : 2;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err: unknown) => {
    process.stderr.write(`switchyard: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
