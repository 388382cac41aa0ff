import { IngestError, type OpenOptions, type SourceRow, type TableSample, type TableSource } from "../types";
import { chooseSheets, type SheetChoice, type SheetHead } from "./sheet-choice";
import { analyzeSheet, preambleLine } from "./sheet-layout";
import { rowContext, toSourceRow, toTextRows, type RawRow, type RowContext } from "./sheet-rows";

/**
 * The TableSource shared by the xlsx (streaming) and xls (isolated worker) readers: pick the
 * record sheet(s) from each sheet's first rows, describe them, then stream their data rows.
 */

export interface SheetHeadRows {
  name: string;
  hidden: boolean;
  rows: RawRow[];
  lastRow: number;
}

export interface WorkbookBackend {
  readonly format: "xlsx" | "xls";
  readonly bytesTotal: number;
  date1904(): Promise<boolean>;
  /** The first `limit` rows of every sheet, in workbook order. */
  heads(limit: number): Promise<SheetHeadRows[]>;
  /** All rows of the named sheets, in order, in batches. */
  rows(sheets: Set<string>): AsyncIterable<{ sheet: string; rows: RawRow[] }>;
  bytesRead(): number;
  close(): Promise<void>;
}

const HEAD_ROWS = 300;
const SAMPLE_ROWS = 200;
const BATCH = 1000;
const MAX_OTHER_SHEET_LINES = 40;
/** Rows of the chosen sheet shown to a reviewer picking the header row. */
const HEAD_LINES = 12;

function trimEnd(cells: string[]): string[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.trim() === "") n--;
  return cells.slice(0, n);
}

/** The reviewer's (or a template's) sheet, read alone: refused with the sheet names when the workbook has no such sheet or it holds no table. */
function chosenSheet(heads: SheetHead[], name: string, headerLine: number | null | undefined): SheetChoice {
  const head = heads.find((h) => h.name === name);
  const names = heads.map((h) => `"${h.name}"`).join(", ") || "none";
  if (!head) throw new IngestError("no_table", `This workbook has no sheet "${name}" (sheets: ${names}).`);
  const layout = analyzeSheet(head.rows, headerLine);
  if (!layout) throw new IngestError("no_table", `Sheet "${name}" is empty (sheets: ${names}).`);
  return { chosen: [{ name, layout }], skipped: heads.filter((h) => h !== head).map((h) => h.name) };
}

export function workbookTableSource(backend: WorkbookBackend, opts: OpenOptions = {}): TableSource {
  let planned: Promise<{ sample: TableSample; choice: SheetChoice; date1904: boolean }> | null = null;

  const plan = () =>
    (planned ??= (async () => {
      const date1904 = await backend.date1904();
      const heads = await backend.heads(HEAD_ROWS);
      const textHeads: SheetHead[] = heads.map((h) => ({ name: h.name, hidden: h.hidden, rows: toTextRows(h.rows, date1904), lastRow: h.lastRow }));
      const choice = opts.sheet !== undefined ? chosenSheet(textHeads, opts.sheet, opts.headerLine) : chooseSheets(textHeads, opts.headerLine);
      if (choice.chosen.length === 0) {
        if (textHeads.every((h) => h.rows.every((r) => r.cells.every((c) => c.trim() === ""))))
          throw new IngestError("empty_file", `This workbook holds no data: every sheet (${heads.map((h) => h.name).join(", ") || "none"}) is empty.`);
        const names = heads.map((h) => h.name).join(", ") || "none";
        throw new IngestError("no_table", `No sheet in this workbook holds a table of records (sheets: ${names}).`);
      }
      return { sample: describe(heads, textHeads, choice, date1904), choice, date1904 };
    })());

  const describe = (heads: SheetHeadRows[], textHeads: SheetHead[], choice: SheetChoice, date1904: boolean): TableSample => {
    const first = choice.chosen[0]!;
    const several = choice.chosen.length > 1;
    const sampleRows: SourceRow[] = [];
    for (const plan of choice.chosen) {
      const ctx = rowContext(plan.name, several, plan.layout, date1904, opts.maxLineLength);
      for (const r of heads.find((h) => h.name === plan.name)?.rows ?? []) {
        if (sampleRows.length >= SAMPLE_ROWS) break;
        const row = toSourceRow(r, ctx);
        if (row) sampleRows.push(row);
      }
    }
    // Cover or notes sheets often state the target or the time zone: keep their text for the classifier.
    const chosenNames = new Set(choice.chosen.map((c) => c.name));
    const otherLines = textHeads
      .filter((h) => !chosenNames.has(h.name))
      .flatMap((h) => h.rows.slice(0, 20).map((r) => preambleLine(r.cells)))
      .filter((l) => l !== "")
      .slice(0, MAX_OTHER_SHEET_LINES);
    const warnings: string[] = [];
    if (several) warnings.push(`Sheets ${choice.chosen.map((c) => `"${c.name}"`).join(", ")} have the same header and were read as one table.`);
    else if (heads.length > 1) warnings.push(`Read the records from sheet "${first.name}".`);
    if (choice.skipped.length) warnings.push(`Sheets left out (no record table): ${choice.skipped.map((n) => `"${n}"`).join(", ")}.`);
    const headLines = (textHeads.find((h) => h.name === first.name)?.rows ?? [])
      .filter((r) => r.cells.some((c) => c.trim() !== ""))
      .slice(0, HEAD_LINES)
      .map((r) => ({ line: r.line, text: trimEnd(r.cells).join(" | ") }));
    return {
      format: backend.format,
      encoding: null,
      delimiter: null,
      preamble: [...first.layout.preamble, ...otherLines],
      headerLine: first.layout.headerLine,
      headers: first.layout.headers,
      sampleRows,
      warnings,
      sheets: heads.map((h) => h.name),
      sheet: first.name,
      headLines,
    };
  };

  async function* rows(): AsyncIterable<SourceRow[]> {
    const { choice, date1904 } = await plan();
    const several = choice.chosen.length > 1;
    const contexts = new Map<string, RowContext>(choice.chosen.map((p) => [p.name, rowContext(p.name, several, p.layout, date1904, opts.maxLineLength)]));
    let batch: SourceRow[] = [];
    for await (const part of backend.rows(new Set(contexts.keys()))) {
      const ctx = contexts.get(part.sheet);
      if (!ctx) continue;
      for (const r of part.rows) {
        const row = toSourceRow(r, ctx);
        if (row) batch.push(row);
      }
      if (batch.length >= BATCH) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  return {
    format: backend.format,
    bytesTotal: backend.bytesTotal,
    sample: async () => (await plan()).sample,
    rows,
    bytesRead: () => backend.bytesRead(),
    close: () => backend.close(),
  };
}
