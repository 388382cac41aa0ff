import { StringDecoder } from "node:string_decoder";
import { XmlScanner, type XmlTag } from "./xml-scanner";
import { numberCell, type RawCell } from "./cell-text";
import { cellTooLarge, tooManyColumns, XLSX_LIMITS } from "./xlsx-limits";
import { readSimpleCell } from "./xlsx-simple-cell";

/**
 * A lean reader for one worksheet's XML (`<sheetData><row><c>`), fed chunk by chunk.
 * Reading the cells here (rather than through exceljs's row objects, which carry styles and
 * turn date cells into JS Dates with the 1900 leap-year bug) keeps the raw serial, the number
 * format and every rich-text run of inline strings, and costs less per cell.
 */

export interface ParsedRow {
  line: number;
  cells: RawCell[];
}

export type SharedString = string | { richText?: { text?: string | null }[] } | null | undefined;

const localName = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** Column index (0-based) of a cell reference like "AB12". */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else break;
  }
  return col - 1;
}

/** OOXML escapes characters XML cannot hold as `_xHHHH_` (e.g. `_x000D_` for a carriage return). */
const decodeEscapes = (s: string) => (s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s);

export function sharedStringText(s: SharedString): string {
  if (s === null || s === undefined) return "";
  if (typeof s === "string") return decodeEscapes(s);
  return decodeEscapes((s.richText ?? []).map((r) => r.text ?? "").join(""));
}

/** `2021-01-01T10:10:10.000Z` → `2021-01-01 10:10:10` (ISO date cells, t="d"). */
function isoCellText(v: string): string {
  return v.replace("T", " ").replace(/(\.\d+)?Z?$/, "");
}

export class SheetXmlReader {
  /** Last row of the used range from `<dimension>`, 0 when absent. */
  lastRow = 0;
  private readonly xml: XmlScanner;
  private readonly decoder = new StringDecoder("utf8");
  private done: ParsedRow[] = [];
  private row: ParsedRow | null = null;
  private lastLine = 0;
  private col = -1;
  private type = "";
  private style = 0;
  private value: string | null = null;
  /** Where text goes: the cell value (<v>, <t> inside <is>), or nowhere (phonetic runs, formulas). */
  private capture = false;
  private inPhonetic = false;

  /** `simpleCells: false` tokenizes every cell (the tests compare both paths). */
  constructor(
    private readonly sharedStrings: SharedString[],
    private readonly numFmtOf: (styleId: number) => string | undefined,
    { simpleCells = true }: { simpleCells?: boolean } = {},
  ) {
    this.xml = new XmlScanner({
      open: (name, tag) => this.open(name, tag),
      close: (name) => this.close(name),
      text: (text) => this.append(text),
      ...(simpleCells ? { element: (s: string, lt: number) => this.simpleCell(s, lt) } : {}),
    });
  }

  private append(text: string): void {
    if (!this.capture) return;
    this.value = (this.value ?? "") + text;
    if (this.value.length > XLSX_LIMITS.maxCellChars) throw cellTooLarge(this.lastLine);
  }

  /** Feeds a chunk; returns the rows it completed. */
  write(chunk: Buffer): ParsedRow[] {
    this.xml.write(this.decoder.write(chunk));
    const out = this.done;
    this.done = [];
    return out;
  }

  end(): ParsedRow[] {
    this.xml.write(this.decoder.end());
    this.xml.end();
    const out = this.done;
    this.done = [];
    return out;
  }

  private open(name: string, a: XmlTag): void {
    switch (localName(name)) {
      case "dimension": {
        const m = /(\d+)$/.exec(a.attr("ref") ?? "");
        if (m) this.lastRow = Number(m[1]);
        break;
      }
      case "row": {
        const r = a.attr("r");
        this.lastLine = r ? Number(r) : this.lastLine + 1;
        this.row = { line: this.lastLine, cells: [] };
        this.col = -1;
        break;
      }
      case "c": {
        const r = a.attr("r");
        this.col = r ? columnOf(r) : this.col + 1;
        // "ZZZZZZ1" would make a sparse row billions of cells wide.
        if (this.col >= XLSX_LIMITS.maxColumns) throw tooManyColumns(this.lastLine);
        this.type = a.attr("t") ?? "n";
        const style = a.attr("s");
        this.style = style ? Number(style) : 0;
        this.value = null;
        break;
      }
      case "v":
        this.capture = true;
        break;
      case "t":
        if (!this.inPhonetic) this.capture = true;
        break;
      case "rPh":
        this.inPhonetic = true;
        break;
    }
  }

  private close(name: string): void {
    switch (localName(name)) {
      case "v":
      case "t":
        this.capture = false;
        break;
      case "rPh":
        this.inPhonetic = false;
        break;
      case "c":
        if (this.row && this.col >= 0) this.row.cells[this.col] = this.cellValue();
        break;
      case "row":
        if (this.row) {
          const cells = this.row.cells;
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          this.done.push(this.row);
        }
        this.row = null;
        break;
    }
  }

  /**
   * Common cells in one step (xlsx-simple-cell.ts), as many as follow each other: the same state
   * changes as open("c") … close("c") for each. Returns the index after the last one, or -1.
   */
  private simpleCell(s: string, lt: number): number {
    const row = this.row;
    if (row === null || this.capture) return -1;
    let end = -1;
    for (let at = lt; ;) {
      const c = readSimpleCell(s, at, this.col);
      if (c === null) return end;
      if (c.col >= XLSX_LIMITS.maxColumns) throw tooManyColumns(this.lastLine);
      if (c.value !== null && c.value.length > XLSX_LIMITS.maxCellChars) throw cellTooLarge(this.lastLine);
      this.col = c.col;
      this.type = c.type;
      this.style = c.style;
      this.value = c.value;
      if (this.col >= 0) row.cells[this.col] = this.cellValue();
      end = at = c.end;
    }
  }

  private cellValue(): RawCell {
    const v = this.value;
    if (v === null) return null;
    switch (this.type) {
      case "s":
        return sharedStringText(this.sharedStrings[Number(v)]);
      case "inlineStr":
      case "str":
        return decodeEscapes(v);
      case "e":
        return v;
      case "b":
        return v.trim() === "1" || v.trim().toLowerCase() === "true" ? "TRUE" : "FALSE";
      case "d":
        return isoCellText(v);
      default: {
        const n = Number(v);
        if (v.trim() === "" || Number.isNaN(n)) return v;
        return numberCell(n, this.numFmtOf(this.style));
      }
    }
  }
}
