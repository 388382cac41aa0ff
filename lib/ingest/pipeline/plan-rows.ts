import fs from "node:fs";
import { loadConfig } from "../../config";
import type { ProducerInput } from "../../schemas/worker-protocol";
import { bundledWorkerScript } from "../../worker-script";
import { detectFileFormat } from "../detect-format";
import { planRowsInline, type PlannedRows } from "./planned-rows";
import { planRowsInThread, type ThreadOptions } from "./threaded-producer";

export interface PlanRowsInput extends ProducerInput {
  /**
   * Where records are built: "auto" = producer threads for files of THREAD_MIN_BYTES or more
   * (not PDFs), "thread" = always; both only when the producer bundle is built (else inline).
   */
  producer?: "auto" | "inline" | "thread";
  /** Producer threads and range size for delimited text (defaults: threaded-producer.ts, PARSE_THREADS). */
  threads?: ThreadOptions;
}

/** Below this size a producer thread's start-up (~40 ms, its own heap) costs more than the overlap saves. */
const THREAD_MIN_BYTES = 2 * 1024 * 1024;

/** Plans the file and prepares its batches, in producer threads or inline (see PlanRowsInput.producer). */
export async function planRows(input: PlanRowsInput): Promise<PlannedRows> {
  const mode = input.producer ?? "auto";
  const script = mode === "inline" ? null : bundledWorkerScript("row-producer");
  const threaded = script !== null && (mode === "thread" || (fileSize(input.filePath) >= THREAD_MIN_BYTES && !(await isPdf(input))));
  return threaded ? planRowsInThread(producerInput(input), script, input.threads ?? parallelism()) : planRowsInline(producerInput(input));
}

/** The serializable part of the input (what a producer thread receives). */
function producerInput({ filePath, fileName, templates, override, caseRegion, privacyRules, allowFormatMismatch, storedHashes }: PlanRowsInput): ProducerInput {
  return { filePath, fileName, templates, override, caseRegion, privacyRules, allowFormatMismatch, storedHashes };
}

/** PARSE_THREADS (config) caps the producers of one job; unset = as many as cores, 2 to 4. */
function parallelism(): ThreadOptions {
  const n = loadConfig().parseThreads;
  return n === null ? {} : { producers: n };
}

/** A PDF has few rows per byte: extraction is all the work and the writer would idle, so it stays inline. */
async function isPdf(input: PlanRowsInput): Promise<boolean> {
  try {
    return (await detectFileFormat(input.filePath, input.fileName)).format === "pdf";
  } catch {
    return false; // planning reports the unreadable file
  }
}

function fileSize(filePath: string): number {
  try {
    return fs.statSync(filePath).size;
  } catch {
    return 0; // planning reports the unreadable file
  }
}
