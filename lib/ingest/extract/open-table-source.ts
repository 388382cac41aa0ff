import type { FileFormat, OpenOptions, TableSource } from "../types";
import { openJsonSource } from "./json-source";
import { openNdjsonSource } from "./ndjson-source";
import { openXlsSource } from "./xls-source";
import { openXlsxSource } from "./xlsx-source";

/**
 * One TableSource per detected format. The text and PDF readers are loaded on demand:
 * pdf.js and OCR are heavy, and a job reading a workbook never needs them.
 */
export async function openTableSource(filePath: string, format: FileFormat, opts: OpenOptions = {}): Promise<TableSource> {
  switch (format) {
    case "text": {
      const { openTextSource } = await import("../text/text-source");
      return openTextSource(filePath, opts);
    }
    case "pdf": {
      const { openPdfSource } = await import("./pdf/pdf-source");
      return openPdfSource(filePath, opts);
    }
    case "xlsx":
      return openXlsxSource(filePath, opts);
    case "xls":
      return openXlsSource(filePath, opts);
    case "json":
      return openJsonSource(filePath, opts);
    case "ndjson":
      return openNdjsonSource(filePath, opts);
  }
}
