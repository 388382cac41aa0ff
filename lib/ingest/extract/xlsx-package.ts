import fs from "node:fs/promises";
import path from "node:path/posix";
import { StringDecoder } from "node:string_decoder";
import { XmlScanner } from "./xml-scanner";
import { IngestError } from "../types";
import { checkDeclaredSizes, checkEntryCount, InflateBudget, maxInflatedBytes, XLSX_LIMITS } from "./xlsx-limits";
import { listZipEntries, zipMemberStream, type ZipEntry } from "./zip-directory";

/**
 * The parts of an xlsx package needed before any sheet is read: where the workbook is (from
 * _rels/.rels, so non-standard part names work), its sheets in order with their visibility,
 * the date system, the shared strings and the number format of every cell style. Parts are
 * found through the zip's central directory, so their order inside the zip does not matter.
 */

export interface PackageSheet {
  name: string;
  hidden: boolean;
  entry: ZipEntry;
}

export interface XlsxPackage {
  entries: ZipEntry[];
  sheets: PackageSheet[];
  date1904: boolean;
  sharedStrings: string[];
  /** Inflated bytes so far, shared by every read of this workbook (zip-bomb defence). */
  budget: InflateBudget;
  /** Number format code of a cell style (the `s` attribute), undefined for General. */
  numFmtOf(styleId: number): string | undefined;
}

type TagHandler = (name: string, attrs: Record<string, string>) => void;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Streams one member through the XML scanner. */
async function saxMember(
  filePath: string,
  budget: InflateBudget,
  entry: ZipEntry,
  onOpen: TagHandler,
  onText?: (t: string) => void,
  onClose?: (name: string) => void,
  maxBytes?: number,
): Promise<void> {
  const xml = new XmlScanner({
    open: (name, tag) => onOpen(localName(name), tag.attrs()),
    close: (name) => onClose?.(localName(name)),
    text: (text) => onText?.(text),
  });
  const decoder = new StringDecoder("utf8");
  const { stream, consumed } = await zipMemberStream(filePath, entry);
  for await (const chunk of budget.limit(stream, entry, maxBytes, consumed) as AsyncIterable<Buffer>) xml.write(decoder.write(chunk));
  xml.write(decoder.end());
  xml.end();
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the CJK date ids). */
const BUILTIN_DATE_FORMATS: Record<number, string> = {
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
};
for (const id of [27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]) BUILTIN_DATE_FORMATS[id] = "yyyy-mm-dd";
for (const id of [32, 33, 55, 56]) BUILTIN_DATE_FORMATS[id] = "h:mm:ss";

function findEntry(entries: ZipEntry[], name: string): ZipEntry | undefined {
  const want = name.replace(/^\//, "").toLowerCase();
  return entries.find((e) => e.name.toLowerCase() === want);
}

/** Relationship targets by id; targets resolved against the folder of the part that owns them. */
async function readRels(filePath: string, budget: InflateBudget, entries: ZipEntry[], relsName: string, baseDir: string): Promise<Map<string, { target: string; type: string }>> {
  const rels = new Map<string, { target: string; type: string }>();
  const entry = findEntry(entries, relsName);
  if (!entry) return rels;
  await saxMember(filePath, budget, entry, (name, a) => {
    if (name !== "Relationship" || !a.Id || !a.Target) return;
    const target = a.Target.startsWith("/") ? a.Target.slice(1) : path.normalize(path.join(baseDir, a.Target));
    rels.set(a.Id, { target, type: a.Type ?? "" });
  });
  return rels;
}

async function readSharedStrings(filePath: string, budget: InflateBudget, entry: ZipEntry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  let current = "";
  let inText = false;
  let inPhonetic = false;
  await saxMember(
    filePath,
    budget,
    entry,
    (name) => {
      if (name === "si") current = "";
      else if (name === "t" && !inPhonetic) inText = true;
      else if (name === "rPh") inPhonetic = true;
    },
    (t) => {
      if (inText) current += t;
    },
    (name) => {
      if (name === "t") inText = false;
      else if (name === "rPh") inPhonetic = false;
      else if (name === "si") strings.push(current);
    },
    // The one part held in memory whole: capped on its own, below the per-workbook budget.
    XLSX_LIMITS.maxSharedStringsBytes,
  );
  return strings;
}

async function readStyles(filePath: string, budget: InflateBudget, entry: ZipEntry | undefined): Promise<(number | undefined)[] & { codes?: Map<number, string> }> {
  const xfFormats: (number | undefined)[] & { codes?: Map<number, string> } = [];
  const codes = new Map<number, string>();
  xfFormats.codes = codes;
  if (!entry) return xfFormats;
  let inCellXfs = false;
  await saxMember(
    filePath,
    budget,
    entry,
    (name, a) => {
      if (name === "numFmt" && a.numFmtId !== undefined) codes.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(a.numFmtId !== undefined ? Number(a.numFmtId) : undefined);
    },
    undefined,
    (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  );
  return xfFormats;
}

export async function readXlsxPackage(filePath: string): Promise<XlsxPackage> {
  const entries = await listZipEntries(filePath);
  if (!entries) throw new IngestError("corrupt_workbook", "This Excel workbook is damaged or incomplete: its zip directory is missing (was the download cut short?).");
  checkEntryCount(entries);
  // Refused from the directory alone, before a byte is inflated (zip bombs, oversize packages).
  const maxTotal = maxInflatedBytes();
  checkDeclaredSizes(entries, (await fs.stat(filePath)).size, maxTotal);
  const budget = new InflateBudget(maxTotal);
  const rootRels = await readRels(filePath, budget, entries, "_rels/.rels", "");
  const main = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookEntry = findEntry(entries, main) ?? findEntry(entries, "xl/workbook.xml");
  if (!workbookEntry) throw new IngestError("corrupt_workbook", "This Excel workbook is incomplete: it has no workbook part, so its sheets cannot be found.");
  const dir = path.dirname(workbookEntry.name);
  const rels = await readRels(filePath, budget, entries, path.join(dir, "_rels", `${path.basename(workbookEntry.name)}.rels`), dir);

  const sheets: PackageSheet[] = [];
  let date1904 = false;
  await saxMember(filePath, budget, workbookEntry, (name, a) => {
    if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
    if (name !== "sheet") return;
    const relId = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
    const target = relId ? rels.get(relId)?.target : undefined;
    const entry = target ? findEntry(entries, target) : undefined;
    // Chart sheets and dialog sheets have no sheetData; only worksheets are tables.
    if (entry && /worksheet$/i.test(rels.get(relId!)?.type ?? "worksheet"))
      sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, hidden: a.state === "hidden" || a.state === "veryHidden", entry });
  });

  const partOf = (type: string) => [...rels.values()].find((r) => r.type.endsWith(type))?.target;
  const sharedStrings = await readSharedStrings(filePath, budget, findEntry(entries, partOf("/sharedStrings") ?? path.join(dir, "sharedStrings.xml")));
  const xfs = await readStyles(filePath, budget, findEntry(entries, partOf("/styles") ?? path.join(dir, "styles.xml")));
  const codes = xfs.codes ?? new Map<number, string>();
  const numFmtOf = (styleId: number): string | undefined => {
    const id = xfs[styleId];
    if (id === undefined || id === 0) return undefined;
    return codes.get(id) ?? BUILTIN_DATE_FORMATS[id];
  };
  return { entries, sheets, date1904, sharedStrings, budget, numFmtOf };
}
