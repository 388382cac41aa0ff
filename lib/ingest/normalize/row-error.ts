import type { RowError, RowErrorCode } from "../../schemas/record";
import type { SourceRow } from "../types";

/** A row the builder refuses: line, canonical field, stable code, a sentence, and the raw text. */
export function rowError(row: SourceRow, field: string | null, code: RowErrorCode, message: string): { ok: false; error: RowError } {
  return { ok: false, error: { line: row.line, field, code, message, raw: row.raw } };
}

/** Quotes a cell for a message, shortened so one absurd cell does not flood the error table. */
export function quote(value: string): string {
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return JSON.stringify(short);
}
