import { randomUUID } from "node:crypto";
import { loadConfig } from "../config";
import { detectFormat } from "../ingest/detect-format";
import { headerLineOf, type MappingOverride } from "../schemas/mapping";
import type { LayoutTemplate } from "../schemas/template";
import { previewFromSample, readPreviewSample, type MappingPreview, type PreviewInput, type PreviewSample } from "../ingest/pipeline/preview-mapping";
import { refuseMismatch } from "../ingest/pipeline/plan-file";
import { DEFAULT_MAX_LINE, describeHead, HEAD_BYTES } from "../ingest/text/text-source";
import { readPlaintextHead, withPlaintext } from "../security/plaintext-copy";

/** What format detection looks at (detect-format.ts reads the same 64 KB). */
const DETECT_BYTES = 64 * 1024;

/**
 * The sample of a stored (encrypted) upload for the mapping preview, read as cheaply as the
 * format allows:
 * - delimited text: only its head is decrypted, in memory (the 256 KB the text reader samples
 *   from anyway, cut at a line boundary by describeHead); no plaintext reaches the disk;
 * - workbooks, PDFs, JSON: a prefix is useless (zip directories and xref tables sit at the end,
 *   a JSON document parses whole), so the file is decrypted once to a private work copy
 *   (DATA_DIR/work, 0600, removed at once, exactly as a job does) and its parsed sample — the
 *   first ~200 rows — is what the server caches. Each costs one decryption per job and
 *   header-row choice however many previews follow (lib/server/preview-cache.ts).
 */
export async function readStoredPreviewSample(
  storedPath: string,
  fileName: string,
  override: MappingOverride | null,
  templates: LayoutTemplate[],
  dataDir = loadConfig().dataDir,
): Promise<PreviewSample> {
  const head = await readPlaintextHead(storedPath, dataDir, HEAD_BYTES);
  const { format, mismatch } = detectFormat(head.bytes.subarray(0, DETECT_BYTES), fileName);
  if (format === "text") {
    refuseMismatch(mismatch, false);
    return { sample: describeHead(head.bytes, head.size, { headerLine: headerLineOf(override) }, DEFAULT_MAX_LINE).sample, formatMismatch: mismatch };
  }
  // Workbooks: the sheet the reviewer (or a matching template) names is read (plan-file's openStructuredSource).
  return withPlaintext(storedPath, dataDir, `${randomUUID()}.preview`, (plain) => readPreviewSample(plain, fileName, override, templates));
}

/**
 * The worker's preview task. With a cached sample (input.sample) it only plans and normalizes
 * those rows; otherwise it reads the sample and returns it with the preview (`source`), for the
 * server to cache.
 */
export async function runPreviewTask(input: PreviewInput): Promise<MappingPreview> {
  if (input.sample) return previewFromSample(input.sample, input);
  const source = await readStoredPreviewSample(input.filePath, input.fileName, input.override, input.templates);
  return { ...previewFromSample(source, input), source };
}
