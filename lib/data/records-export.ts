import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../db/prisma";
import { csvCell, recordsCsvHeader, recordToCsvLine } from "./records-csv";
import { iterateRecords, type RecordFilter } from "./records";
import type { RecordDto } from "../schemas/api";

const COLUMNS = recordsCsvHeader().split(",");

/** The filtered records as a streamed CSV body (formula cells neutralized by csvCell). */
export function recordsCsvStream(db: Db, filter: RecordFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const it = iterateRecords(db, filter);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(recordsCsvHeader() + "\n"));
    },
    async pull(controller) {
      // A batch of lines per pull keeps the stream fast without buffering the whole export.
      let chunk = "";
      for (let i = 0; i < 1000; i++) {
        const next = await it.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += recordToCsvLine(next.value) + "\n";
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}

/**
 * A spreadsheet text cell that can never run as a formula: exceljs writes strings as shared
 * strings (not formulas), and the same leading = + - @ guard as the CSV export covers readers
 * that re-interpret text.
 */
export function safeSheetText(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  const cell = csvCell(value);
  // csvCell quotes for CSV; a spreadsheet cell wants the bare (possibly apostrophe-guarded) text.
  return cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/** The filtered records as a streamed XLSX (exceljs WorkbookWriter: rows are committed as they go). */
export function recordsXlsxStream(db: Db, filter: RecordFilter): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("records");
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c.endsWith("time") ? 22 : 16 }));
  void (async () => {
    try {
      for await (const r of iterateRecords(db, filter)) {
        const row: Record<string, unknown> = { job_id: r.jobId, ...r };
        sheet.addRow(COLUMNS.map((c) => safeSheetText(row[c as keyof RecordDto | "job_id"]))).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
