import { pipeline, Transform, type Readable } from "node:stream";
import { IngestError } from "../types";
import type { ZipEntry } from "./zip-directory";

/**
 * Zip-bomb and oversize defences for xlsx packages. Sizes declared in a zip cannot be trusted,
 * so every limit is enforced on the bytes actually inflated:
 * - parts per package (a real workbook has dozens; a crafted zip can list millions),
 * - bytes inflated from one part relative to its compressed size (deflate tops out near
 *   1,000:1; real sheet XML is 5–50:1), with a floor so tiny parts are never refused,
 * - bytes inflated per workbook across every part and pass (overlapping entries that all
 *   point at the same compressed data, the "better zip bomb", multiply reads, not size),
 * - the shared-strings part, which is the one part held in memory whole,
 * - columns per row (Excel's own maximum) and characters per cell.
 */
export const XLSX_LIMITS = {
  maxEntries: 10_000,
  maxRatio: 500,
  ratioFloorBytes: 16 * 1024 * 1024,
  maxTotalInflatedBytes: 4 * 1024 ** 3,
  maxSharedStringsBytes: 256 * 1024 * 1024,
  maxColumns: 16_384,
  maxCellChars: 1_000_000,
};

/** Counts inflated bytes for one workbook across every part read, in every pass. */
export class InflateBudget {
  private used = 0;

  constructor(private readonly maxTotal = XLSX_LIMITS.maxTotalInflatedBytes) {}

  /** `stream` (inflated member data) wrapped so it fails with an IngestError past any limit. */
  limit(stream: Readable, entry: ZipEntry, maxMember = Infinity): Readable {
    const perMember = Math.min(maxMember, Math.max(XLSX_LIMITS.ratioFloorBytes, entry.compressedSize * XLSX_LIMITS.maxRatio));
    let member = 0;
    const meter = new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        member += chunk.length;
        this.used += chunk.length;
        if (member > perMember) cb(tooBig(entry, member, maxMember));
        else if (this.used > this.maxTotal) cb(new IngestError("workbook_too_large", `This workbook expands to more than ${gb(this.maxTotal)} when unpacked; it was not read further. Save the sheet as CSV and upload that instead.`));
        else cb(null, chunk);
      },
    });
    // pipeline destroys both ends on an error, so a bad inflate surfaces through the meter.
    return pipeline(stream, meter, () => {});
  }
}

function tooBig(entry: ZipEntry, inflated: number, maxMember: number): IngestError {
  if (inflated > maxMember)
    return new IngestError("workbook_too_large", `The workbook part ${entry.name} holds more than ${Math.round(maxMember / 1048576)} MB of text; it was not read. Save the sheet as CSV and upload that instead.`);
  return new IngestError(
    "zip_bomb",
    `The workbook part ${entry.name} expands more than ${XLSX_LIMITS.maxRatio} times its packed size, which only crafted files do (a "zip bomb"); it was not read.`,
  );
}

const gb = (n: number) => `${(n / 1024 ** 3).toFixed(0)} GB`;

export function checkEntryCount(entries: ZipEntry[]): void {
  if (entries.length > XLSX_LIMITS.maxEntries)
    throw new IngestError("zip_too_many_parts", `This workbook's zip lists ${entries.length} parts; real workbooks have a few dozen, so it was not read.`);
}

export function tooManyColumns(line: number): IngestError {
  return new IngestError("too_many_columns", `Row ${line} of the sheet has a cell beyond column ${XLSX_LIMITS.maxColumns} (Excel's own limit), so the workbook is damaged or crafted; it was not read.`);
}

export function cellTooLarge(line: number): IngestError {
  return new IngestError("cell_too_large", `A cell in row ${line} holds more than ${XLSX_LIMITS.maxCellChars.toLocaleString("en-US")} characters; call records never do, so the workbook was not read.`);
}
