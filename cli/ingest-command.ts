import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { loadConfig } from "../lib/config";
import { getDb } from "../lib/db/prisma";
import { executeJob, type TaskRunner } from "../lib/jobs/execute-job";
import { createJob } from "../lib/jobs/job-commands";
import { silentJobEvents } from "../lib/jobs/job-events";
import { runIngestTask } from "../lib/jobs/run-ingest-task";
import { closeSharedOcrPool } from "../lib/ingest/extract/pdf/ocr-pool";
import { layoutPlanSchema, mappingOverrideSchema, type MappingOverride } from "../lib/schemas/mapping";
import { caseIdForName } from "../lib/data/cases";
import { DEFAULT_CASE_NAME } from "../lib/schemas/case";
import { parseArgs, writeLine } from "./write-line";

const inline: TaskRunner = (task, onProgress, flag) => runIngestTask(task, onProgress, () => Atomics.load(flag, 0) === 1);

/**
 * `ingest FILE... [--json] [--mapping MAP.json] [--case NAME]`: each file synchronously into the
 * case (default: the case named "default", created on first use), one JSON object per file per line.
 */
export async function runIngest(args: string[]): Promise<number> {
  const { positional: files, options } = parseArgs(args, ["json"], ["mapping", "case"]);
  if (files.length === 0) throw new Error("ingest needs at least one FILE");
  const mapping = typeof options.mapping === "string" ? readMapping(options.mapping) : null;
  const config = loadConfig();
  const db = getDb(config.databaseUrl);
  const caseId = await caseIdForName(db, typeof options.case === "string" ? options.case : DEFAULT_CASE_NAME);
  let failures = 0;
  try {
    for (const file of files) {
      const result = await ingestOne(db, config.databaseUrl, file, mapping, caseId);
      if (result.status === "failed") failures++;
      await writeLine(options.json ? JSON.stringify(result) : humanLine(result));
    }
  } finally {
    // Idle OCR workers (scanned PDFs) would keep the process up for their idle timeout.
    await closeSharedOcrPool();
    await db.$disconnect();
  }
  return failures > 0 ? 1 : 0;
}

function readMapping(file: string): MappingOverride {
  return mappingOverrideSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
}

async function ingestOne(db: ReturnType<typeof getDb>, databaseUrl: string, file: string, mapping: MappingOverride | null, caseId: number) {
  const abs = path.resolve(file);
  if (!fs.existsSync(abs) || !fs.statSync(abs).isFile()) {
    return {
      file,
      jobId: null,
      status: "failed",
      counts: { rows: 0, inserted: 0, duplicates: 0, rejected: 0 },
      columns: [],
      error: { code: "file_not_found", message: `There is no file at ${file}.` },
    };
  }
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(abs), hash);
  const job = await createJob(db, { fileName: path.basename(abs), storedPath: abs, sha256: hash.digest("hex"), sizeBytes: fs.statSync(abs).size, mapping, caseId });
  await executeJob(db, databaseUrl, job.id, inline, silentJobEvents);
  const row = await db.ingestionJob.findUniqueOrThrow({ where: { id: job.id }, include: { classification: true } });
  const plan = row.classification ? layoutPlanSchema.parse(JSON.parse(row.classification.plan)) : null;
  return {
    file,
    jobId: row.id,
    status: row.status,
    format: plan?.format ?? row.format,
    encoding: plan?.encoding ?? null,
    delimiter: plan?.delimiter ?? null,
    headerLine: plan?.headerLine ?? null,
    carrier: plan?.carrier ?? row.carrier,
    confidence: plan?.confidence ?? row.confidence,
    timezone: plan?.timezone ?? row.timezone,
    region: plan?.region ?? null,
    columns: (plan?.columns ?? []).map((c) => ({ index: c.index, header: c.header, field: c.field, confidence: c.confidence })),
    counts: { rows: row.rowsRead, inserted: row.inserted, duplicates: row.duplicates, rejected: row.rejected },
    ...(plan?.needsReview ? { reviewReasons: plan.reviewReasons } : {}),
    ...(row.errorCode ? { error: { code: row.errorCode, message: row.errorMessage ?? "" } } : {}),
  };
}

function humanLine(r: Awaited<ReturnType<typeof ingestOne>>): string {
  const c = r.counts;
  const base = `${r.file}: ${r.status} — ${c.rows} rows, ${c.inserted} inserted, ${c.duplicates} duplicates, ${c.rejected} rejected`;
  return r.error ? `${base} (${r.error.message})` : base;
}
