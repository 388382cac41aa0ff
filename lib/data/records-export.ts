import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../db/prisma";
import { csvCell, exportRowToCsvLine, recordsCsvHeader } from "./records-csv";
import { exportRowBatches } from "./records-export-rows";
import { iterateRecords, type RecordFilter } from "./records";
import type { RecordDto } from "../schemas/api";

const COLUMNS = recordsCsvHeader().split(",");

/**
 * The filtered records as a streamed CSV body (formula cells neutralized by csvCell), read by
 * exportRowBatches: a whole case or job on SQLite straight from the file (~5 µs a record; through
 * Prisma's pages ~45 µs: the bench's 1M records took 47.7 s), anything else as the records API
 * reads it. `databaseUrl` is the one `db` was opened with.
 */
export function recordsCsvStream(db: Db, databaseUrl: string, filter: RecordFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = exportRowBatches(db, databaseUrl, filter, { batch: 2000, times: "text" });
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(recordsCsvHeader() + "\n"));
      },
      async pull(controller) {
        // A batch of lines per pull keeps the stream fast without buffering the whole export.
        const next = await batches.next();
        if (next.done) return controller.close();
        let chunk = "";
        for (const row of next.value) chunk += exportRowToCsvLine(row) + "\n";
        controller.enqueue(encoder.encode(chunk));
      },
      async cancel() {
        await batches.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
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
