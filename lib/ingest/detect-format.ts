import fs from "node:fs/promises";
import path from "node:path";
import { IngestError, type FileFormat } from "./types";
import { knownBinaryKind, looksBinary } from "./extract/binary-signatures";
import { isOle, oleKindFromNames, oleKindOfFile, oleNamesIn, type OleKind } from "./extract/ole-directory";
import { sniffJson } from "./extract/sniff-json";
import { listZipEntries, zipNamesFromHead } from "./extract/zip-directory";

/**
 * Format by content, never by name: magic bytes, the zip directory, OLE2 stream names, JSON shape.
 * The name is only used to say when it disagrees with the content.
 */

export interface DetectedFormat {
  format: FileFormat;
  /** A sentence when the file name's extension disagrees with the content; null otherwise. */
  mismatch: string | null;
}

const HEAD_BYTES = 64 * 1024;

const FORMAT_NOUN: Record<FileFormat, string> = {
  text: "a text file",
  xlsx: "an Excel workbook",
  xls: "a legacy Excel workbook (.xls)",
  pdf: "a PDF",
  json: "a JSON file",
  ndjson: "an NDJSON (one JSON record per line) file",
};

const HOW_READ: Record<FileFormat, string> = {
  text: "it was read as text",
  xlsx: "it was read as a workbook",
  xls: "it was read as a legacy workbook",
  pdf: "it was read as a PDF",
  json: "it was read as JSON",
  ndjson: "it was read as NDJSON",
};

const EXTENSION_FAMILY: Record<string, FileFormat> = {
  ".csv": "text",
  ".tsv": "text",
  ".txt": "text",
  ".psv": "text",
  ".dat": "text",
  ".tab": "text",
  ".xlsx": "xlsx",
  ".xlsm": "xlsx",
  ".xls": "xls",
  ".pdf": "pdf",
  ".json": "json",
  ".ndjson": "ndjson",
  ".jsonl": "ndjson",
};

function mismatchSentence(format: FileFormat, fileName: string): string | null {
  const ext = path.extname(fileName).toLowerCase();
  const claimed = EXTENSION_FAMILY[ext];
  if (claimed === undefined || claimed === format) return null;
  const jsonFamily = (f: FileFormat) => f === "json" || f === "ndjson";
  if (jsonFamily(claimed) && jsonFamily(format)) return null;
  return `The file is named ${ext} but is ${FORMAT_NOUN[format]}; ${HOW_READ[format]}.`;
}

const refuse = (message: string) => new IngestError("unsupported_format", message);

function formatOfZip(names: string[]): FileFormat {
  const set = new Set(names.map((n) => n.toLowerCase()));
  if (set.has("xl/workbook.xml")) return "xlsx";
  // Packages written with other part names (workbook.xml at the root, custom folders) are still workbooks.
  if (names.some((n) => /(^|\/)(workbook\.xml|worksheets\/[^/]+\.xml)$/i.test(n))) return "xlsx";
  if (set.has("xl/workbook.bin")) throw refuse("This is an Excel binary workbook (.xlsb), which is not supported; open it in Excel and save it as .xlsx or CSV.");
  if (set.has("content.xml") && (set.has("mimetype") || set.has("meta-inf/manifest.xml")))
    throw refuse("This is an OpenDocument file (LibreOffice/OpenOffice), which is not supported; save it as .xlsx or CSV and upload that.");
  if (set.has("word/document.xml")) throw refuse("This is a Word document, not a call-record file; if it holds a table, save it as PDF or copy the table to a spreadsheet.");
  if (set.has("ppt/presentation.xml")) throw refuse("This is a PowerPoint presentation, not a call-record file.");
  if (set.has("index/document.iwa")) throw refuse("This is an Apple Numbers/Pages document, which is not supported; export it to .xlsx or CSV.");
  throw new IngestError("unsupported_archive", "This is a zip archive, not a single call-record file; extract it and upload the files inside one by one.");
}

function formatOfOle(kind: OleKind): FileFormat {
  switch (kind) {
    case "xls":
      return "xls";
    case "encrypted":
      throw new IngestError("encrypted_file", "This workbook is password-protected; remove the password in Excel (File → Info → Protect Workbook) and upload it again.");
    case "word":
      throw refuse("This is a Word document (.doc), not a call-record file.");
    case "outlook":
      throw refuse("This is an Outlook message (.msg); save the attached call-record file and upload that instead.");
    case "powerpoint":
      throw refuse("This is a PowerPoint presentation, not a call-record file.");
    case "unknown":
      throw refuse("This is a Microsoft Office compound file that holds no Excel workbook.");
  }
}

/** Decodes a head for the JSON/HTML checks; "binary" when it is neither text with a BOM nor plain 8-bit text. */
function headText(head: Uint8Array): string | "binary" {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return Buffer.from(head.subarray(3)).toString("utf8");
  if (head[0] === 0xff && head[1] === 0xfe) return Buffer.from(head.subarray(2)).toString("utf16le");
  // swap16 needs an even length: a head cut mid-character (or a lying BOM) has an odd one.
  if (head[0] === 0xfe && head[1] === 0xff)
    return Buffer.from(head.subarray(2, 2 + ((head.length - 2) & ~1)))
      .swap16()
      .toString("utf16le");
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return utf16;
  if (looksBinary(head)) return "binary";
  return Buffer.from(head).toString("utf8");
}

/** UTF-16 text without a BOM: NULs in nearly every other byte (ASCII-range text). */
function utf16WithoutBom(head: Uint8Array): string | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 8) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  const buf = Buffer.from(head.subarray(0, head.length & ~1));
  if (oddNul / pairs > 0.9 && evenNul / pairs < 0.1) return buf.toString("utf16le");
  if (evenNul / pairs > 0.9 && oddNul / pairs < 0.1) return Buffer.from(buf).swap16().toString("utf16le");
  return null;
}

function formatOfText(head: Uint8Array): FileFormat {
  const text = headText(head);
  if (text === "binary") throw new IngestError("binary_file", "This file holds binary data, not text, a spreadsheet, a PDF or JSON, so it cannot be read as call records.");
  if (text.trim() === "") throw new IngestError("empty_file", "The file is empty (it holds only blank space).");
  const json = sniffJson(text);
  if (json) return json;
  const start = text.trimStart().slice(0, 512).toLowerCase();
  if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table"))
    throw refuse("This is a web page (HTML), not a call-record file; if a portal gave it as a spreadsheet, open it in Excel and save it as .xlsx or CSV.");
  if (start.startsWith("<?xml") && text.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    throw refuse("This is an Excel 2003 XML spreadsheet, which is not supported; open it in Excel and save it as .xlsx or CSV.");
  return "text";
}

function isPdf(head: Uint8Array): boolean {
  // Readers accept junk before the header within the first 1 KB; so do we.
  return Buffer.from(head.subarray(0, 1024)).indexOf("%PDF-") >= 0;
}

/** BIFF2–BIFF5 workbooks saved as a bare stream (no OLE2 container) start with a BOF record. */
const isBareBiff = (h: Uint8Array) => h[0] === 0x09 && (h[1] === 0x00 || h[1] === 0x02 || h[1] === 0x04 || h[1] === 0x08) && h[3] === 0x00 && (h[2] ?? 0) >= 4 && (h[2] ?? 0) <= 20;

const isZip = (h: Uint8Array) => h[0] === 0x50 && h[1] === 0x4b && (h[2] === 3 || h[2] === 5 || h[2] === 7) && (h[3] === 4 || h[3] === 6 || h[3] === 8);

function classify(head: Uint8Array, zipNames: () => string[], oleKind: () => OleKind): FileFormat {
  if (head.length === 0) throw new IngestError("empty_file", "The file is empty (0 bytes).");
  if (isPdf(head)) return "pdf";
  if (isZip(head)) return formatOfZip(zipNames());
  if (isOle(head)) return formatOfOle(oleKind());
  if (isBareBiff(head)) return "xls";
  const known = knownBinaryKind(head);
  if (known) throw refuse(known);
  return formatOfText(head);
}

/** Format of a file from its first bytes (64 KB is plenty except for zips, whose directory is at the end). */
export function detectFormat(head: Uint8Array, fileName: string): DetectedFormat {
  const format = classify(
    head,
    () => zipNamesFromHead(head),
    () => oleKindFromNames(oleNamesIn(Buffer.from(head), 0)) ?? "xls",
  );
  return { format, mismatch: mismatchSentence(format, fileName) };
}

/** Format of a file on disk: reads its head, and for zips and OLE2 files their directories. */
export async function detectFileFormat(filePath: string, fileName: string): Promise<DetectedFormat> {
  const fh = await fs.open(filePath, "r");
  let head: Buffer;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  let entries: string[] | null = null;
  if (isZip(head)) entries = (await listZipEntries(filePath))?.map((e) => e.name) ?? zipNamesFromHead(head);
  const format = classify(
    head,
    () => entries ?? [],
    () => oleKindOfFile(filePath),
  );
  return { format, mismatch: mismatchSentence(format, fileName) };
}
