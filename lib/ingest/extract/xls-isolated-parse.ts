import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { IngestError } from "../types";
import type { SheetHeadRows } from "./workbook-table-source";

/**
 * Runs xls-parse-worker.cjs on one file in its own worker thread with a heap cap and a
 * deadline. Nothing SheetJS builds crosses back except plain arrays (structured clone).
 */

export interface XlsParseResult {
  date1904: boolean;
  sheets: SheetHeadRows[];
}

export interface XlsParseLimits {
  timeoutMs?: number;
  maxHeapMb?: number;
}

const WORKER_FILE = "xls-parse-worker.cjs";

/** Beside this module (sources, or a bundle the worker was copied next to), else the source tree. */
export function xlsWorkerPath(): string {
  const beside = fileURLToPath(new URL(`./${WORKER_FILE}`, import.meta.url));
  if (fs.existsSync(beside)) return beside;
  return path.resolve(process.cwd(), "lib/ingest/extract", WORKER_FILE);
}

function failureFor(message: string): IngestError {
  if (/password|encrypt|filepass/i.test(message))
    return new IngestError("encrypted_file", "This workbook is password-protected; remove the password in Excel and upload it again.");
  if (/unsupported|not supported|biff[2345]|xlsb|ods/i.test(message) && !/cannot read/i.test(message))
    return new IngestError("unsupported_format", `This legacy Excel file uses a variant that cannot be read (${message}); open it in Excel and save it as .xlsx.`);
  return new IngestError("corrupt_workbook", `This legacy Excel file (.xls) could not be read; it may be damaged (${message}).`);
}

export function parseXlsIsolated(filePath: string, limits: XlsParseLimits = {}): Promise<XlsParseResult> {
  const timeoutMs = limits.timeoutMs ?? 60_000;
  const maxHeapMb = limits.maxHeapMb ?? 512;
  return new Promise((resolve, reject) => {
    const worker = new Worker(xlsWorkerPath(), {
      workerData: { filePath },
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(new IngestError("parse_timeout", `Reading this .xls took longer than ${Math.round(timeoutMs / 1000)} s and was stopped; save it as .xlsx or CSV and try again.`)),
        ),
      timeoutMs,
    );
    worker.on("message", (msg: { ok: true; date1904: boolean; sheets: SheetHeadRows[] } | { ok: false; message: string }) => {
      settle(() => (msg.ok ? resolve({ date1904: msg.date1904, sheets: msg.sheets }) : reject(failureFor(msg.message))));
    });
    worker.on("error", (err: Error & { code?: string }) => {
      const tooBig = err.code === "ERR_WORKER_OUT_OF_MEMORY";
      settle(() =>
        reject(
          tooBig
            ? new IngestError("workbook_too_large", `Reading this .xls needed more than ${maxHeapMb} MB of memory and was stopped; save it as .xlsx or CSV and try again.`)
            : failureFor(err.message),
        ),
      );
    });
    worker.on("exit", (code) => settle(() => reject(new IngestError("corrupt_workbook", `The .xls reader stopped unexpectedly (exit code ${code}).`))));
  });
}
