import type { RowErrorCode } from "../../schemas/record";
import type { Dialect } from "./dialect";
import { parseRecord } from "./parse-record";

export interface RawRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
  raw: string;
  issue?: { code: RowErrorCode; message: string };
}

export interface RecordReaderOptions {
  maxLineLength: number;
  /** A quoted cell still open after this many lines is taken to be a stray quote, not a multi-line cell. */
  maxRecordLines?: number;
}

const RAW_KEEP = 1000;

interface Pending {
  line: number;
  parts: string[];
  eols: string[];
  length: number;
}

/**
 * Turns decoded text chunks into records: splits physical lines (numbering them), joins lines of a quoted
 * cell that spans line breaks, and bounds memory on absurdly long lines. Push chunks, then call end().
 */
export class RecordReader {
  private carry = "";
  private nextLine = 1;
  private overflow: { line: number; head: string } | null = null;
  private pending: Pending | null = null;
  private readonly sep: string;
  private readonly maxRecordLines: number;

  constructor(
    private readonly dialect: Dialect,
    private readonly opts: RecordReaderOptions,
    private readonly emit: (record: RawRecord) => void,
  ) {
    this.sep = dialect.lineEnding === "\r" ? "\r" : "\n";
    this.maxRecordLines = opts.maxRecordLines ?? 200;
  }

  /** Physical lines taken so far. */
  get linesRead(): number {
    return this.nextLine - 1;
  }

  /** Whether a record is still open (a quoted cell spanning lines) or a line is still unfinished. */
  get midRecord(): boolean {
    return this.pending !== null || this.carry.length > 0 || this.overflow !== null;
  }

  push(chunk: string): void {
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    let start = 0;
    for (;;) {
      const at = text.indexOf(this.sep, start);
      if (at === -1) break;
      let end = at;
      let eol = this.sep;
      if (this.sep === "\n" && text.charCodeAt(at - 1) === 13 && at > start) {
        end = at - 1;
        eol = "\r\n";
      }
      this.takeLine(text.slice(start, end), eol);
      start = at + 1;
    }
    text = start === 0 ? text : text.slice(start);
    if (text.length > this.opts.maxLineLength) {
      // Keep only the head of an over-long line and drop the rest as it streams, so memory stays flat.
      this.overflow ??= { line: this.nextLine, head: text.slice(0, RAW_KEEP) };
      text = "";
    }
    this.carry = text;
  }

  end(): void {
    // A last line ending in a lone CR (a CRLF file cut between CR and LF) must not keep the CR.
    const last = this.sep === "\n" && this.carry.endsWith("\r") ? this.carry.slice(0, -1) : this.carry;
    if (last.length > 0 || this.overflow) this.takeLine(last, "");
    this.carry = "";
    const p = this.pending;
    if (p) {
      // The file ends inside a quoted cell (cut-off file): close the quote rather than lose the record.
      this.pending = null;
      const raw = joinParts(p);
      const cells = parseRecord(raw + (this.dialect.quote ?? ""), this.dialect) ?? [raw];
      this.emit({ line: p.line, cells, raw });
    }
  }

  private takeLine(text: string, eol: string): void {
    const line = this.nextLine++;
    if (this.overflow) {
      const { head } = this.overflow;
      this.overflow = null;
      this.flushPendingLiterally();
      this.emit({ line, cells: [], raw: head, issue: tooLong() });
      return;
    }
    if (text.length > this.opts.maxLineLength) {
      this.flushPendingLiterally();
      this.emit({ line, cells: [], raw: text.slice(0, RAW_KEEP), issue: tooLong() });
      return;
    }
    this.takeFittingLine(text, eol, line);
  }

  private takeFittingLine(text: string, eol: string, line: number): void {
    const p = this.pending;
    if (p === null) {
      // parseRecord is a plain split when the line has no quote character: the fast path for most rows.
      const cells = parseRecord(text, this.dialect);
      if (cells) return this.emit({ line, cells, raw: text });
      this.pending = { line, parts: [text], eols: [eol], length: text.length };
      return;
    }
    p.parts.push(text);
    p.eols.push(eol);
    p.length += text.length + eol.length;
    const raw = joinParts(p);
    const cells = parseRecord(raw, this.dialect);
    if (cells) {
      this.pending = null;
      this.emit({ line: p.line, cells, raw });
    } else if (p.parts.length > this.maxRecordLines || p.length > this.opts.maxLineLength) {
      this.flushPendingLiterally();
    }
  }

  /** Gives up on an open quote: the first line is read with the quote as plain text, the rest again. */
  private flushPendingLiterally(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    const first = p.parts[0] ?? "";
    const cells = parseRecord(first, { ...this.dialect, quote: null }) ?? [first];
    this.emit({ line: p.line, cells, raw: first });
    for (let k = 1; k < p.parts.length; k++) this.takeFittingLine(p.parts[k] ?? "", p.eols[k] ?? "\n", p.line + k);
  }
}

function joinParts(p: Pending): string {
  let raw = p.parts[0] ?? "";
  for (let k = 1; k < p.parts.length; k++) raw += (p.eols[k - 1] ?? "\n") + (p.parts[k] ?? "");
  return raw;
}

function tooLong(): { code: RowErrorCode; message: string } {
  return { code: "line_too_long", message: "This line is too long to be a record; only its first 1,000 characters are kept." };
}
