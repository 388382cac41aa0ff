import { pipeline, Transform, type Readable } from "node:stream";
import { loadConfig } from "../../config";
import { IngestError } from "../types";
import type { ZipEntry } from "./zip-directory";

/**
 * Zip-bomb and oversize defences for xlsx packages, in three layers:
 * 1. before any byte is inflated, the sizes the zip's central directory declares
 *    (checkDeclaredSizes): their sum against MAX_INFLATED_BYTES, and each part's ratio;
 * 2. while inflating, since declared sizes can lie (InflateBudget.limit): the running ratio of
 *    bytes out to compressed bytes taken in, a part inflating past what it declared, and bytes
 *    inflated per part relative to its compressed size (deflate tops out near 1,000:1; real
 *    sheet XML is 5–50:1), with a floor so tiny parts are never refused;
 * 3. bytes inflated per workbook across every part and pass of one run of a job
 *    (MAX_INFLATED_BYTES; overlapping entries that all point at the same compressed data, the
 *    "better zip bomb", multiply reads, not size). No reviewer choice reaches these limits: a
 *    confirmed mapping reruns the job through the same reader, with the same caps.
 * Plus parts per package (a real workbook has dozens; a crafted zip can list millions), the
 * shared-strings part (the one part held in memory whole), columns per row (Excel's own
 * maximum) and characters per cell.
 */
export const XLSX_LIMITS = {
  maxEntries: 10_000,
  maxRatio: 500,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxSharedStringsBytes: 256 * 1024 * 1024,
  maxColumns: 16_384,
  maxCellChars: 1_000_000,
};

/** MAX_INFLATED_BYTES (lib/config.ts): the most one workbook may inflate to in one run of a job. */
export function maxInflatedBytes(): number {
  return loadConfig().maxInflatedBytes;
}

/** Counts inflated bytes for one workbook across every part read, in every pass. */
export class InflateBudget {
  private used = 0;

  constructor(private readonly maxTotal = maxInflatedBytes()) {}

  /** Bytes inflated so far (all parts, all passes). */
  get inflated(): number {
    return this.used;
  }

  /**
   * `stream` (inflated member data) wrapped so it fails with an IngestError past any limit.
   * `consumed` reports the compressed bytes taken in so far (the running-ratio check); without
   * it only the ratio to the whole compressed size applies.
   */
  limit(stream: Readable, entry: ZipEntry, maxMember = Infinity, consumed?: () => number): Readable {
    const perMember = Math.min(maxMember, Math.max(XLSX_LIMITS.ratioFloorBytes, entry.compressedSize * XLSX_LIMITS.maxRatio));
    // A part may not inflate past what the directory declared for it (a lie is a crafted file);
    // 0 is taken as "not declared" (a few streaming writers).
    const declared = entry.uncompressedSize > 0 ? entry.uncompressedSize : Infinity;
    let member = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        member += chunk.length;
        this.used += chunk.length;
        if (member > perMember) cb(tooBig(entry, member, maxMember));
        else if (member > declared) cb(lyingSize(entry));
        else if (consumed && member > XLSX_LIMITS.ratioFloorBytes && member > consumed() * XLSX_LIMITS.maxRatio) cb(runningBomb(entry, member, consumed()));
        else if (this.used > this.maxTotal) cb(overBudget(this.maxTotal));
        else cb(null, chunk);
      },
    });
    // pipeline destroys both ends on an error, so a bad inflate surfaces through the meter.
    return pipeline(stream, meter, () => {});
  }
}

function overBudget(maxTotal: number): IngestError {
  return new IngestError(
    "workbook_too_large",
    `This workbook expands to more than ${size(maxTotal)} when unzipped, the most one file may (MAX_INFLATED_BYTES); it was not read further. Save the sheet as CSV, or split it, and upload that instead.`,
  );
}

function runningBomb(entry: ZipEntry, inflated: number, consumed: number): IngestError {
  return new IngestError(
    "zip_bomb",
    `The workbook part ${entry.name} expanded to ${size(inflated)} from ${size(consumed)} of packed data (${ratioText(inflated, consumed)}), which only crafted files do; it looks like a zip bomb and was not read.`,
  );
}

function lyingSize(entry: ZipEntry): IngestError {
  return new IngestError(
    "zip_bomb",
    `The workbook part ${entry.name} expands past the ${size(entry.uncompressedSize)} its zip directory declares, which only crafted files do; it looks like a zip bomb and was not read.`,
  );
}

function tooBig(entry: ZipEntry, inflated: number, maxMember: number): IngestError {
  if (inflated > maxMember)
    return new IngestError(
      "workbook_too_large",
      `The workbook part ${entry.name} holds more than ${Math.round(maxMember / 1048576)} MB of text; it was not read. Save the sheet as CSV and upload that instead.`,
    );
  return new IngestError(
    "zip_bomb",
    `The workbook part ${entry.name} expands more than ${XLSX_LIMITS.maxRatio} times its packed size, which only crafted files do (a "zip bomb"); it was not read.`,
  );
}

/** "2 GB", "300 MB", "12 KB": sizes for sentences. */
export function size(n: number): string {
  if (n >= 1024 ** 3) return `${Number((n / 1024 ** 3).toFixed(1))} GB`;
  if (n >= 1024 ** 2) return `${Math.round(n / 1024 ** 2)} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

const ratioText = (out: number, packed: number) => `${Math.round(out / Math.max(1, packed)).toLocaleString("en-US")}× its size`;

/**
 * Refuses a package from its central directory alone, before anything is inflated: the sizes its
 * parts declare add up to more than `maxTotal`, or one part declares a ratio no real workbook
 * has. Declared sizes can understate (InflateBudget catches that while inflating); they are never
 * trusted to allow anything.
 */
export function checkDeclaredSizes(entries: ZipEntry[], fileSize: number, maxTotal = maxInflatedBytes()): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const allowed = Math.max(XLSX_LIMITS.ratioFloorBytes, e.compressedSize * XLSX_LIMITS.maxRatio);
    if (e.uncompressedSize > allowed)
      throw new IngestError(
        "zip_bomb",
        `This workbook's part ${e.name} declares it expands to ${size(e.uncompressedSize)} from ${size(e.compressedSize)} (${ratioText(e.uncompressedSize, e.compressedSize)}), which only crafted files do; it looks like a zip bomb and was not read.`,
      );
  }
  if (total <= maxTotal) return;
  const bomb = total > fileSize * XLSX_LIMITS.maxRatio;
  throw new IngestError(
    bomb ? "zip_bomb" : "workbook_too_large",
    `This workbook expands to more than ${size(maxTotal)} when unzipped (declared ${size(total)}, ${ratioText(total, fileSize)}), more than one file may (MAX_INFLATED_BYTES); ` +
      (bomb ? "it looks like a zip bomb and was not read." : "it was not read. Save the sheet as CSV, or split it, and upload that instead."),
  );
}

export function checkEntryCount(entries: ZipEntry[]): void {
  if (entries.length > XLSX_LIMITS.maxEntries)
    throw new IngestError("zip_too_many_parts", `This workbook's zip lists ${entries.length} parts; real workbooks have a few dozen, so it was not read.`);
}

export function tooManyColumns(line: number): IngestError {
  return new IngestError(
    "too_many_columns",
    `Row ${line} of the sheet has a cell beyond column ${XLSX_LIMITS.maxColumns} (Excel's own limit), so the workbook is damaged or crafted; it was not read.`,
  );
}

export function cellTooLarge(line: number): IngestError {
  return new IngestError(
    "cell_too_large",
    `A cell in row ${line} holds more than ${XLSX_LIMITS.maxCellChars.toLocaleString("en-US")} characters; call records never do, so the workbook was not read.`,
  );
}
